package dev.telemetrycdi.internal.websocket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.util.Map;

/**
 * Finds the telemetry of the connection behind a session: the one recorded in its user properties (by the module's
 * configurator at the handshake, or at the connection's first callback), or one made now from the session and
 * recorded there for the connection's later callbacks.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class SessionTelemetry {
    private SessionTelemetry() {
    }

    /**
     * The connection recorded in {@code session}: by the module's handshake hook, or by {@link #opened} when the
     * connection opened; null if neither saw it or the module does not run.
     */
    public static ConnectionTelemetry of(Session session) {
        try {
            return session == null ? null : ConnectionTelemetry.of(session.getUserProperties());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The connection of {@code session} as it opens at an endpoint the container made outside CDI
     * ({@code TelemetryEndpoint} subclasses): the recorded one, or one made now. The module's WebSocket telemetry is
     * found through CDI once per endpoint configuration and kept in its user properties, not once per connection.
     */
    public static ConnectionTelemetry opened(Session session, EndpointConfig config) {
        ConnectionTelemetry known = of(session);
        if (known != null || session == null || config == null) {
            return known;
        }
        try {
            Object webSockets = config.getUserProperties().computeIfAbsent(WebSocketTelemetry.class.getName(),
                    key -> CDI.current().select(WebSocketTelemetry.class).get());
            return webSockets instanceof WebSocketTelemetry
                    ? of(session, null, (WebSocketTelemetry) webSockets) : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The connection of {@code session}; null while the module does not run or if the session tells nothing. */
    public static ConnectionTelemetry of(Session session, String template, WebSocketTelemetry webSockets) {
        if (session == null) {
            return null;
        }
        try {
            Map<String, Object> properties = session.getUserProperties();
            ConnectionTelemetry known = ConnectionTelemetry.of(properties);
            if (known != null || properties == null) {
                return known;
            }
            if (webSockets == null) {
                return null;
            }
            Session container = ConnectionSession.unwrap(session);
            java.net.URI uri = container.getRequestURI();
            ConnectionTelemetry made = webSockets.fromSession(uri == null ? null : uri.getRawPath(),
                    container.getQueryString(), container.getUserPrincipal(), template);
            synchronized (properties) {
                Object earlier = properties.putIfAbsent(ConnectionTelemetry.KEY, made);
                if (earlier instanceof ConnectionTelemetry) {
                    return (ConnectionTelemetry) earlier;
                }
            }
            return made;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
