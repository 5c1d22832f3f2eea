package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
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
final class DecoratingInjectionTarget<T> implements InjectionTarget<T> {
    private final InjectionTarget<T> container;
    private final List<Field> fields;
    private final Supplier<TaskTelemetry> tasks;

    DecoratingInjectionTarget(InjectionTarget<T> container, List<Field> fields, Supplier<TaskTelemetry> tasks) {
        this.container = container;
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

    @Override
    public void postConstruct(T instance) {
        container.postConstruct(instance);
    }

    @Override
    public void preDestroy(T instance) {
        container.preDestroy(instance);
    }

    @Override
    public T produce(CreationalContext<T> context) {
        return container.produce(context);
    }

    @Override
    public void dispose(T instance) {
        container.dispose(instance);
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return container.getInjectionPoints();
    }
}
