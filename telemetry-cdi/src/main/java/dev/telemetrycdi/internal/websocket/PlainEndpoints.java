package dev.telemetrycdi.internal.websocket;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The beans the module gives endpoint classes that are not CDI beans, where the server creates an endpoint through
 * CDI as soon as CDI has a bean for its class. Open Liberty does ({@code InjectionImpl.getManagedEndpointInstance}:
 * {@code BeanManager.getBeans(endpointClass)}, exactly one bean, else {@code Class.newInstance()}), and it announces
 * every endpoint class of the application with {@code ProcessInjectionTarget} before CDI discovers beans
 * ({@code validateJEEComponentClasses()} runs before {@code deployBeans()}): each such class gets a {@code @Dependent}
 * synthetic bean whose instances are made as the container would (injected, post-constructed) and intercepted by
 * {@link WebSocketContextInterceptor} ({@link Instances}). When the container releases an instance at the end of its
 * connection, its connection ends ({@code ws_disconnected} for an endpoint without a close callback) and its
 * {@code @PreDestroy} runs.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class PlainEndpoints<T> {
    private final Class<T> type;
    private final BeanManager beans;
    /**
     * Intercepted instance to the endpoint's own instance, for its release; weak, so that an instance the container
     * never releases (a handshake that failed after the instance was made) is not kept.
     */
    private final Map<T, T> instances = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile InjectionTarget<T> target;
    /** The module, resolved through this application's bean manager at the first release. */
    private volatile WebSocketTelemetry webSockets;
    private volatile boolean resolved;

    private PlainEndpoints(Class<T> type, BeanManager beans) {
        this.type = type;
        this.beans = beans;
    }

    /** Adds the bean of endpoint class {@code type}. */
    static <T> void addBean(AfterBeanDiscovery discovery, BeanManager beans, Class<T> type) {
        PlainEndpoints<T> endpoints = new PlainEndpoints<>(type, beans);
        discovery.<T>addBean()
                .beanClass(type)
                .types(type, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .id("telemetry-cdi:websocket:" + type.getName())
                .createWith(endpoints::create)
                .destroyWith(endpoints::destroy);
    }

    private T create(CreationalContext<T> context) {
        InjectionTarget<T> injection = target();
        T instance = injection.produce(context);
        injection.inject(instance, context);
        injection.postConstruct(instance);
        T intercepted = Instances.intercepted(beans, context, type, instance);
        instances.put(intercepted, instance);
        return intercepted;
    }

    private void destroy(T intercepted, CreationalContext<T> context) {
        T instance = instances.remove(intercepted);
        try {
            WebSocketTelemetry webSockets = webSockets();
            if (webSockets != null) {
                webSockets.released(intercepted);
                if (instance != null) {
                    webSockets.released(instance);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // the endpoint's release goes on
        }
        try {
            if (instance != null) {
                target().preDestroy(instance);
            }
        } finally {
            context.release();
        }
    }

    /** The module's WebSocket telemetry, asked once (null while the module does not run). */
    private WebSocketTelemetry webSockets() {
        if (!resolved) {
            webSockets = beans.createInstance().select(WebSocketTelemetry.class).get();
            resolved = true;
        }
        return webSockets;
    }

    private InjectionTarget<T> target() {
        InjectionTarget<T> made = target;
        if (made == null) {
            made = beans.getInjectionTargetFactory(beans.createAnnotatedType(type)).createInjectionTarget(null);
            target = made;
        }
        return made;
    }
}
