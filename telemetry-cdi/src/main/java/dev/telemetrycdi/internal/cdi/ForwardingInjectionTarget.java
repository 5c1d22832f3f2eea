package dev.telemetrycdi.internal.cdi;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;

import java.util.Set;

/**
 * The container's injection target, every call forwarded: the base of the module's wrappers set in
 * {@code ProcessInjectionTarget}, which override only what they add to ({@code inject}, {@code postConstruct}).
 *
 * <p>Internal API: may change without notice. Thread-safe if the container's target is.
 */
public abstract class ForwardingInjectionTarget<T> implements InjectionTarget<T> {
    protected final InjectionTarget<T> container;

    protected ForwardingInjectionTarget(InjectionTarget<T> container) {
        this.container = container;
    }

    @Override
    public void inject(T instance, CreationalContext<T> context) {
        container.inject(instance, context);
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
