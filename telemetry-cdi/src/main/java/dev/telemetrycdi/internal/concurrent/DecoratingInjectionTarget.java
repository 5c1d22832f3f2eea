package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.cdi.ForwardingInjectionTarget;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.InjectionTarget;

import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Supplier;

/**
 * The container's injection target of a class with Jakarta Concurrency resource fields ({@code @Resource} or
 * {@code @Inject}): after the container's {@code inject()}, each such field that holds a server resource holds
 * the module's decorator of it instead ({@link ResourceDecorators}). Everything else is the container's.
 *
 * <p>A field that cannot be read or written stays as the container set it (the application is never failed).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class DecoratingInjectionTarget<T> extends ForwardingInjectionTarget<T> {
    private final List<Field> fields;
    private final Supplier<TaskTelemetry> tasks;

    DecoratingInjectionTarget(InjectionTarget<T> container, List<Field> fields, Supplier<TaskTelemetry> tasks) {
        super(container);
        this.fields = fields;
        this.tasks = tasks;
    }

    @Override
    public void inject(T instance, CreationalContext<T> context) {
        container.inject(instance, context);
        TaskTelemetry telemetry = null;
        for (Field field : fields) {
            try {
                Object resource = field.get(instance);
                if (resource == null) {
                    continue;
                }
                if (telemetry == null) {
                    telemetry = tasks.get();
                }
                Object decorated = ResourceDecorators.decorate(resource, telemetry);
                if (decorated != resource) {
                    field.set(instance, decorated);
                }
            } catch (RuntimeException | IllegalAccessException | LinkageError e) {
                // the field keeps the server's resource: its work runs without the module's decorator
            }
        }
    }
}
