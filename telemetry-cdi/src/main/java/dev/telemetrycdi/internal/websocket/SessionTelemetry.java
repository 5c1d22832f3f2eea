package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.cdi.TelemetryRuntime;
import jakarta.websocket.Session;

import java.util.Map;

/**
 * Finds the telemetry of the connection behind a session: the one the module's configurator made at the handshake,
 * or, for an endpoint without it, one made now from the session and kept in its user properties for the
 * connection's later callbacks.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class SessionTelemetry {
    private SessionTelemetry() {
    }

    /** As {@link #of(Session, String)}, the path template taken from the session's endpoint configuration if known. */
    public static ConnectionTelemetry of(Session session) {
        return of(session, null);
    }

    /**
     * As {@link #of(Session, String, TelemetryRuntime)}, finding the module through CDI first (for callers the
     * container does not inject: {@code TelemetryEndpoint} subclasses).
     */
    public static ConnectionTelemetry of(Session session, String template) {
        if (session == null) {
            return null;
        }
        ConnectionTelemetry known = ConnectionTelemetry.of(session.getUserProperties());
        return known != null ? known : of(session, template, TelemetryRuntime.lookup());
    }

    /** The connection of {@code session}; null while the module does not run or if the session tells nothing. */
    public static ConnectionTelemetry of(Session session, String template, TelemetryRuntime runtime) {
        if (session == null) {
            return null;
        }
        try {
            Map<String, Object> properties = session.getUserProperties();
            ConnectionTelemetry known = ConnectionTelemetry.of(properties);
            if (known != null || properties == null) {
                return known;
            }
            WebSocketTelemetry webSockets = runtime == null ? null : runtime.webSockets();
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
