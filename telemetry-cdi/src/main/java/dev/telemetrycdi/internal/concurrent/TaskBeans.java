package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.cdi.OptionalBeans;
import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * The Jakarta Concurrency part of the module, switched on by {@code OptionalApiExtension} only when the server
 * offers the Concurrency API: adds {@link ExecutorProducer} and the two {@code @Asynchronous} interceptors, and
 * {@link AsyncTaskContext} to every {@code @Asynchronous} method of the beans CDI discovers, so that each run gets
 * its caller's context ({@link AsyncCaptureInterceptor}, {@link AsyncRunInterceptor}).
 *
 * <p>Internal API: may change without notice.
 */
public final class TaskBeans {
    private TaskBeans() {
    }

    public static void register(BeforeBeanDiscovery discovery) {
        OptionalBeans.add(discovery, ExecutorProducer.class, ApplicationScoped.Literal.INSTANCE);
        OptionalBeans.addInterceptor(discovery, AsyncCaptureInterceptor.class);
        OptionalBeans.addInterceptor(discovery, AsyncRunInterceptor.class);
    }

    public static <T> void bindAsyncMethods(ProcessAnnotatedType<T> type) {
        boolean asynchronous = false;
        for (AnnotatedMethod<? super T> method : type.getAnnotatedType().getMethods()) {
            asynchronous |= method.isAnnotationPresent(Asynchronous.class);
        }
        if (asynchronous) {
            type.configureAnnotatedType()
                    .filterMethods(method -> method.isAnnotationPresent(Asynchronous.class))
                    .forEach(method -> method.add(AsyncTaskContext.Literal.INSTANCE));
        }
    }
}
