package dev.telemetrycdi.internal.websocket;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.InterceptionFactory;

/**
 * Endpoint instances of classes that are not CDI beans, intercepted all the same: CDI's {@link InterceptionFactory}
 * wraps an instance with the {@link WebSocketContext} binding, so that its callbacks go through
 * {@link WebSocketContextInterceptor} as a bean's do.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class Instances {
    private Instances() {
    }

    /** {@code instance} wrapped with the connection's interceptor; {@code instance} itself if it cannot be. */
    static <T> T intercepted(BeanManager beans, CreationalContext<T> context, Class<T> type, T instance) {
        try {
            InterceptionFactory<T> factory = beans.createInterceptionFactory(context, type);
            factory.configure().add(WebSocketContext.Literal.INSTANCE);
            return factory.createInterceptedInstance(instance);
        } catch (RuntimeException | LinkageError e) {
            return instance; // a final class, no accessible constructor: the endpoint runs as it is
        }
    }

    /** A new instance of {@code type}, injected and post-constructed as the container would, then intercepted. */
    static <T> T create(BeanManager beans, Class<T> type) {
        CreationalContext<T> context = beans.createCreationalContext(null);
        InjectionTarget<T> target = beans.getInjectionTargetFactory(beans.createAnnotatedType(type))
                .createInjectionTarget(null);
        T instance = target.produce(context);
        target.inject(instance, context);
        target.postConstruct(instance);
        return intercepted(beans, context, type, instance);
    }
}
