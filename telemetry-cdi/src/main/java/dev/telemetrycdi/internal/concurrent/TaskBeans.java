package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.OptionalBeans;
import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;

/**
 * The Jakarta Concurrency part of the module, switched on by {@code OptionalApiExtension} only when the server
 * offers the Concurrency API: adds {@link ExecutorProducer} and the two {@code @Asynchronous} interceptors, and
 * {@link AsyncTaskContext} to every {@code @Asynchronous} method of the beans CDI discovers, so that each run gets
 * its caller's context ({@link AsyncCaptureInterceptor}, {@link AsyncRunInterceptor}).
 *
 * <p>Internal API: may change without notice.
 */
public final class TaskBeans {
    static final String EJB_ASYNCHRONOUS = "jakarta.ejb.Asynchronous";

    private TaskBeans() {
    }

    public static void register(BeforeBeanDiscovery discovery) {
        OptionalBeans.add(discovery, ExecutorProducer.class, ApplicationScoped.Literal.INSTANCE);
        OptionalBeans.addInterceptor(discovery, AsyncCaptureInterceptor.class);
        OptionalBeans.addInterceptor(discovery, AsyncRunInterceptor.class);
    }

    /** Decorates the Concurrency resource fields of {@code target}'s class ({@link ResourceFields}). */
    public static <T> void decorateResources(ProcessInjectionTarget<T> target, BeanManager beans, HookReport hooks) {
        ResourceFields.decorate(target, beans, hooks);
    }

    /**
     * Binds {@link AsyncTaskContext} to the Jakarta Concurrency and EJB {@code @Asynchronous} methods of
     * {@code type} (an EJB's annotation on the class counts for all its public methods; recognised by name, so that
     * no EJB API is needed), and records them: a Concurrency method as hooked; an EJB one as missed, because both
     * servers hand an EJB {@code @Asynchronous} call to their own thread before any interceptor runs, so the run
     * is a task (task lines, {@code task.name}) without its caller's context.
     */
    public static <T> void bindAsyncMethods(ProcessAnnotatedType<T> type, HookReport hooks) {
        Class<T> bean = type.getAnnotatedType().getJavaClass();
        boolean ejbClass = isEjbAsynchronous(type.getAnnotatedType());
        boolean asynchronous = ejbClass;
        for (AnnotatedMethod<? super T> method : type.getAnnotatedType().getMethods()) {
            if (method.isAnnotationPresent(Asynchronous.class)) {
                asynchronous = true;
                hooks.hooked(ResourceFields.CAPABILITY, bean.getName() + "." + method.getJavaMember().getName()
                        + " (@Asynchronous)");
            } else if (isEjbAsynchronous(method)) {
                asynchronous = true;
            }
        }
        if (!asynchronous) {
            return;
        }
        type.configureAnnotatedType()
                .filterMethods(method -> isAsynchronous(method) || ejbClass
                        && method.getJavaMember().getDeclaringClass() == bean
                        && java.lang.reflect.Modifier.isPublic(method.getJavaMember().getModifiers())
                        && !method.isStatic())
                .forEach(method -> method.add(AsyncTaskContext.Literal.INSTANCE));
        for (AnnotatedMethod<? super T> method : type.getAnnotatedType().getMethods()) {
            if (ejbClass && method.getJavaMember().getDeclaringClass() == bean || isEjbAsynchronous(method)) {
                hooks.missed(ResourceFields.CAPABILITY, bean.getName() + (ejbClass ? ""
                                : "." + method.getJavaMember().getName()) + " (EJB @Asynchronous)",
                        "the server hands the call to its own thread before any interceptor runs, so each run has"
                                + " task lines but not its caller's context",
                        "move the method to a CDI bean and annotate it @jakarta.enterprise.concurrent.Asynchronous,"
                                + " or submit the work to an injected ManagedExecutorService");
                if (ejbClass) {
                    break;
                }
            }
        }
    }

    private static boolean isAsynchronous(jakarta.enterprise.inject.spi.Annotated method) {
        return method.isAnnotationPresent(Asynchronous.class) || isEjbAsynchronous(method);
    }

    private static boolean isEjbAsynchronous(jakarta.enterprise.inject.spi.Annotated annotated) {
        for (java.lang.annotation.Annotation annotation : annotated.getAnnotations()) {
            if (annotation.annotationType().getName().equals(EJB_ASYNCHRONOUS)) {
                return true;
            }
        }
        return false;
    }
}
