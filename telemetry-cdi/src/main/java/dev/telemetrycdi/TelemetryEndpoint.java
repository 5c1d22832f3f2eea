package dev.telemetrycdi;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.websocket.ConnectionTelemetry;
import dev.telemetrycdi.internal.websocket.SessionTelemetry;
import dev.telemetrycdi.internal.websocket.WebSocketTelemetry;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.util.function.Consumer;

/**
 * Base class of a programmatic WebSocket endpoint whose callbacks and message handlers run in the connection's
 * context (set at the handshake by {@link TelemetryEndpointConfigurator}, or at the first callback), with the same
 * {@code ws_connected},
 * {@code ws_error} and {@code ws_disconnected} lines as annotated endpoints.
 *
 * <pre>{@code
 * public class ChatEndpoint extends TelemetryEndpoint {
 *     protected void opened(Session session, EndpointConfig config) {
 *         onMessages(session, String.class, text -> log.info("chat_message", "length", text.length()));
 *     }
 * }
 * ServerEndpointConfig.Builder.create(ChatEndpoint.class, "/ws/stores/{id}/chat")
 *         .configurator(new TelemetryEndpointConfigurator()).build();
 * }</pre>
 *
 * <p>Exceptions of the subclass are rethrown unchanged; the previous context is restored on every path.
 */
public abstract class TelemetryEndpoint extends Endpoint {

    /** The connection opened: register message handlers with {@link #onMessages} here. */
    protected abstract void opened(Session session, EndpointConfig config);

    /** The connection closed. Does nothing unless overridden. */
    protected void closed(Session session, CloseReason reason) {
    }

    /** An error on the connection (already logged as {@code ws_error}). Does nothing unless overridden. */
    protected void errored(Session session, Throwable error) {
    }

    /**
     * Registers {@code handler} for whole messages of {@code type}, run in the connection's context and counted.
     * The same as {@code session.addMessageHandler(type, handler)} on the session the callbacks get.
     */
    protected final <T> void onMessages(Session session, Class<T> type, MessageHandler.Whole<T> handler) {
        ConnectionTelemetry connection = SessionTelemetry.of(session);
        (connection == null ? session : connection.session(session)).addMessageHandler(type, handler);
    }

    @Override
    public final void onOpen(Session session, EndpointConfig config) {
        inContext(SessionTelemetry.opened(session, config), session, opened -> opened(opened, config),
                WebSocketTelemetry::connected);
    }

    @Override
    public final void onClose(Session session, CloseReason reason) {
        inContext(SessionTelemetry.of(session), session, closing -> closed(closing, reason),
                connection -> WebSocketTelemetry.disconnected(
                connection, reason == null ? 0 : reason.getCloseCode().getCode(),
                reason == null ? null : reason.getReasonPhrase()));
    }

    @Override
    public final void onError(Session session, Throwable error) {
        ConnectionTelemetry connection = SessionTelemetry.of(session);
        if (connection == null) {
            errored(session, error);
            return;
        }
        try (ContextStorage.Scope scope = connection.bind()) {
            WebSocketTelemetry.failed(connection, error);
            errored(connection.session(session), error);
        }
    }

    /**
     * Runs {@code callback} in the connection's context (as is, for a connection the configurator did not see), then
     * {@code afterwards} in the same context, also when the callback throws.
     */
    private static void inContext(ConnectionTelemetry connection, Session session, Consumer<Session> callback,
                                  Consumer<ConnectionTelemetry> afterwards) {
        if (connection == null) {
            callback.accept(session);
            return;
        }
        try (ContextStorage.Scope scope = connection.bind()) {
            try {
                callback.accept(connection.session(session));
            } finally {
                afterwards.accept(connection);
            }
        }
    }
}
