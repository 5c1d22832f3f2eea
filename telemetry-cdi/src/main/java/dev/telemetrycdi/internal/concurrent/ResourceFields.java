package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.Running;
import jakarta.annotation.Resource;
import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Qualifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decorates the Jakarta Concurrency resources a class gets injected: for every class whose injection target the
 * container announces ({@code ProcessInjectionTarget}: CDI beans, and the EE components the server hands to CDI),
 * the fields of type {@code ManagedExecutorService}, {@code ManagedScheduledExecutorService},
 * {@code ManagedThreadFactory} and {@code ContextService} annotated {@code @Inject} without a qualifier, or
 * {@code @Resource} of the server's default ({@link #isDefault(Resource)}), are replaced after injection by the module's decorators, and recorded as
 * hooked ({@code tasks Class.field}).
 *
 * <p>Internal API: may change without notice. Never throws into the deployment.
 */
final class ResourceFields {
    static final String CAPABILITY = "tasks";

    private ResourceFields() {
    }

    static <T> void decorate(ProcessInjectionTarget<T> event, BeanManager beans, HookReport hooks) {
        try {
            List<Field> fields = new ArrayList<>();
            for (AnnotatedField<? super T> field : event.getAnnotatedType().getFields()) {
                Field member = field.getJavaMember();
                if (!Modifier.isStatic(member.getModifiers()) && !Modifier.isFinal(member.getModifiers())
                        && ResourceDecorators.decorates(member.getType())
                        && (isDefault(field) || isDefault(field.getAnnotation(Resource.class)))) {
                    member.setAccessible(true);
                    fields.add(member);
                }
            }
            if (fields.isEmpty()) {
                return;
            }
            event.setInjectionTarget(new DecoratingInjectionTarget<>(event.getInjectionTarget(), List.copyOf(fields),
                    new RuntimeOf(beans)));
            for (Field field : fields) {
                hooks.hooked(CAPABILITY, field.getDeclaringClass().getName() + "." + field.getName());
            }
        } catch (RuntimeException | LinkageError e) {
            hooks.missed(CAPABILITY, event.getAnnotatedType().getJavaClass().getName(),
                    "its Jakarta Concurrency fields could not be decorated (" + e + ")",
                    "wrap them with TelemetryExecutors.wrap or inject @WithTelemetry ManagedExecutorService");
        }
    }

    /**
     * Whether {@code field} is injected by CDI without a qualifier of the application's ({@code @Default},
     * {@code @Named} or none; {@code @WithTelemetry} ones are the module's and already decorated).
     */
    static boolean isDefault(AnnotatedField<?> field) {
        if (!field.isAnnotationPresent(Inject.class)) {
            return false;
        }
        for (Annotation annotation : field.getAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type.isAnnotationPresent(Qualifier.class) && type != Default.class && type != Named.class) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code resource} names the server's default resource: no {@code lookup}, or one of the
     * {@code java:comp/Default...} names. Resources the application defines are left as they are: they carry the
     * module's context through {@link TelemetryContextProvider} as their definition says, and a named one gets task
     * lines through {@code TelemetryExecutors.wrap}.
     */
    static boolean isDefault(Resource resource) {
        return resource != null && (resource.lookup().isEmpty() && resource.mappedName().isEmpty()
                || resource.lookup().startsWith("java:comp/Default"));
    }

    /** The application's {@link TaskTelemetry}, resolved at the first injection (after deployment), then kept. */
    private static final class RuntimeOf implements Supplier<TaskTelemetry> {
        private final BeanManager beans;
        private volatile TaskTelemetry tasks;

        RuntimeOf(BeanManager beans) {
            this.beans = beans;
        }

        @Override
        public TaskTelemetry get() {
            TaskTelemetry resolved = tasks;
            if (resolved == null) {
                resolved = TaskTelemetry.of(beans.createInstance().select(Running.class).get());
                tasks = resolved;
            }
            return resolved;
        }
    }
}
