package dev.telemetrycdi.internal.websocket;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Adds {@link WebSocketContext} to every annotated WebSocket endpoint that is a CDI bean, so that its callbacks run
 * in their connection's context.
 *
 * <p>Internal API: may change without notice.
 */
public class WebSocketExtension implements Extension {
    <T> void bindCallbacks(@Observes @WithAnnotations(ServerEndpoint.class) ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().isAnnotationPresent(ServerEndpoint.class)) {
            type.configureAnnotatedType().add(WebSocketContext.Literal.INSTANCE);
        }
    }
}
