package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.TelemetryEndpoint;
import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.OptionalBeans;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpoint;

import java.lang.reflect.Modifier;

/**
 * The WebSocket part of the module, switched on by {@code OptionalApiExtension} only when the server offers the
 * WebSocket API: adds {@link WebSocketContextInterceptor}, and {@link WebSocketContext} to every WebSocket endpoint
 * that is a CDI bean (annotated with {@code @ServerEndpoint}, or a programmatic {@link Endpoint}), so that its
 * callbacks run in their connection's context. Each endpoint bound is recorded in the hook report.
 *
 * <p>Internal API: may change without notice.
 */
public final class WebSocketBeans {
    /** The capability label of WebSocket entries in the hook report. */
    public static final String CAPABILITY = "websocket";

    private WebSocketBeans() {
    }

    public static void register(BeforeBeanDiscovery discovery) {
        OptionalBeans.addInterceptor(discovery, WebSocketContextInterceptor.class);
    }

    public static <T> void bindEndpoint(ProcessAnnotatedType<T> type, HookReport hooks) {
        Class<T> endpoint = type.getAnnotatedType().getJavaClass();
        if (!isEndpoint(endpoint)) {
            return;
        }
        type.configureAnnotatedType().add(WebSocketContext.Literal.INSTANCE);
        hooks.hooked(CAPABILITY, endpoint.getName());
    }

    /**
     * An endpoint class the interceptor can wrap: annotated with {@code @ServerEndpoint} or a concrete programmatic
     * endpoint, and not a {@link TelemetryEndpoint} (which does the same itself, in final methods).
     */
    static boolean isEndpoint(Class<?> type) {
        if (type.isAnnotationPresent(ServerEndpoint.class)) {
            return true;
        }
        return Endpoint.class.isAssignableFrom(type) && !TelemetryEndpoint.class.isAssignableFrom(type)
                && !Modifier.isAbstract(type.getModifiers()) && !type.isInterface();
    }
}
