package dev.telemetrycdi.internal.websocket;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.InterceptionFactory;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The injection target of a WebSocket endpoint class that is not a CDI bean, where the server creates the endpoint
 * through CDI all the same (Open Liberty fires {@code ProcessInjectionTarget} for every endpoint class, as for the
 * other Jakarta EE component classes): each instance it produces is wrapped by CDI's {@link InterceptionFactory} with
 * the {@link WebSocketContext} binding, so that its callbacks run through {@link WebSocketContextInterceptor} as a
 * bean's do. Injection and lifecycle callbacks go to the endpoint's own instance; where the class cannot be wrapped
 * (final, no accessible constructor) the endpoint runs as it is.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class InterceptedEndpoints<T> implements InjectionTarget<T> {
    private final InjectionTarget<T> target;
    private final BeanManager beans;
    private final Class<T> type;
    private final Map<T, T> instances = Collections.synchronizedMap(new IdentityHashMap<>());

    InterceptedEndpoints(InjectionTarget<T> target, BeanManager beans, Class<T> type) {
        this.target = target;
        this.beans = beans;
        this.type = type;
    }

    @Override
    public T produce(CreationalContext<T> context) {
        T instance = target.produce(context);
        try {
            InterceptionFactory<T> factory = beans.createInterceptionFactory(context, type);
            factory.configure().add(WebSocketContext.Literal.INSTANCE);
            T intercepted = factory.createInterceptedInstance(instance);
            instances.put(intercepted, instance);
            return intercepted;
        } catch (RuntimeException | LinkageError e) {
            return instance;
        }
    }

    /** The endpoint's own instance behind {@code produced}. */
    private T own(T produced) {
        T own = instances.get(produced);
        return own != null ? own : produced;
    }

    @Override
    public void inject(T instance, CreationalContext<T> context) {
        target.inject(own(instance), context);
    }

    @Override
    public void postConstruct(T instance) {
        target.postConstruct(own(instance));
    }

    @Override
    public void preDestroy(T instance) {
        T own = instances.remove(instance);
        target.preDestroy(own != null ? own : instance);
    }

    @Override
    public void dispose(T instance) {
        target.dispose(own(instance));
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return target.getInjectionPoints();
    }
}
