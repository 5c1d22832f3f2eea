package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.cdi.TelemetryRuntime;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The injection target of a WebSocket endpoint class that is not a CDI bean, where the server creates the endpoint
 * through CDI all the same (Open Liberty fires {@code ProcessInjectionTarget} for every endpoint class, as for the
 * other Jakarta EE component classes): each instance it produces is wrapped by CDI's {@link InterceptionFactory} with
 * the {@link WebSocketContext} binding ({@link Instances}), so that its callbacks run through {@link WebSocketContextInterceptor} as a
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
        T intercepted = Instances.intercepted(beans, context, type, instance);
        if (intercepted != instance) {
            instances.put(intercepted, instance);
        }
        return intercepted;
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
        released(own != null ? own : instance);
        target.preDestroy(own != null ? own : instance);
    }

    /** The container releases the endpoint at the end of its connection. */
    private static void released(Object endpoint) {
        try {
            TelemetryRuntime runtime = TelemetryRuntime.lookup();
            WebSocketTelemetry webSockets = runtime == null ? null : runtime.webSockets();
            if (webSockets != null) {
                webSockets.released(endpoint);
            }
        } catch (RuntimeException | LinkageError e) {
            // the endpoint's release goes on
        }
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
