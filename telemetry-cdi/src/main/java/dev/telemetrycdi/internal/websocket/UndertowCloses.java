package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.context.ContextStorage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.jsr.UndertowSession;
import jakarta.websocket.Session;

/**
 * WildFly's end of a connection: Undertow closes the session's channel at the end of every connection, also when the
 * endpoint has no close callback and when the peer went away without a close frame; its close task writes
 * {@code ws_disconnected} unless a close callback already did (close code 1006 when no close frame came).
 *
 * <p>Loaded only for Undertow's sessions ({@link #watch}). Internal API: may change without notice. Thread-safe.
 */
final class UndertowCloses {
    static final int ABNORMAL_CLOSURE = 1006;

    private UndertowCloses() {
    }

    /** Watches the end of {@code session}'s connection if Undertow runs it. */
    static void watch(Session session, ConnectionTelemetry connection) {
        if (!session.getClass().getName().startsWith("io.undertow.")) {
            return;
        }
        try {
            Watch.on(session, connection);
        } catch (RuntimeException | LinkageError e) {
            // the close callback, if any, ends the connection's log
        }
    }

    /** Separate, so that nothing of Undertow is loaded where it does not run. */
    private static final class Watch {
        static void on(Session session, ConnectionTelemetry connection) {
            if (!(session instanceof UndertowSession)) {
                return;
            }
            WebSocketChannel channel = ((UndertowSession) session).getWebSocketChannel();
            connection.closeWatched();
            channel.addCloseTask(closed -> {
                if (connection.isClosed()) {
                    return;
                }
                int code = closed.isCloseFrameReceived() && closed.getCloseCode() > 0 ? closed.getCloseCode()
                        : ABNORMAL_CLOSURE;
                try (ContextStorage.Scope scope = connection.bind()) {
                    WebSocketTelemetry.disconnected(connection, code,
                            closed.isCloseFrameReceived() ? closed.getCloseReason() : null);
                }
            });
        }
    }
}
