package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.cdi.OptionalBeans;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The WebSocket part of the module, switched on by {@code OptionalApiExtension} only when the server offers the
 * WebSocket API: adds {@link WebSocketContextInterceptor}, and {@link WebSocketContext} to every annotated WebSocket
 * endpoint that is a CDI bean, so that its callbacks run in their connection's context.
 *
 * <p>Internal API: may change without notice.
 */
public final class WebSocketBeans {
    private WebSocketBeans() {
    }

    public static void register(BeforeBeanDiscovery discovery) {
        OptionalBeans.addInterceptor(discovery, WebSocketContextInterceptor.class);
    }

    public static <T> void bindEndpoint(ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().isAnnotationPresent(ServerEndpoint.class)) {
            type.configureAnnotatedType().add(WebSocketContext.Literal.INSTANCE);
        }
    }
}
