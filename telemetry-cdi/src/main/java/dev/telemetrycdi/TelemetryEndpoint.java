package dev.telemetrycdi;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.websocket.ConnectionTelemetry;
import dev.telemetrycdi.internal.websocket.WebSocketTelemetry;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.util.function.Consumer;

/**
 * Base class of a programmatic WebSocket endpoint whose callbacks and message handlers run in the connection's
 * context (set at the handshake by {@link TelemetryEndpointConfigurator}), with the same {@code ws_connected},
 * {@code ws_error} and {@code ws_disconnected} lines as annotated endpoints.
 *
 * <pre>{@code
 * public class ChatEndpoint extends TelemetryEndpoint {
 *     protected void opened(Session session, EndpointConfig config) {
 *         onMessages(session, String.class, text -> log.info("chat_message", "length", text.length()));
 *     }
 * }
 * ServerEndpointConfig.Builder.create(ChatEndpoint.class, "/ws/leagues/{id}/chat")
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

    /** Registers {@code handler} for whole messages of {@code type}, run in the connection's context and counted. */
    protected final <T> void onMessages(Session session, Class<T> type, MessageHandler.Whole<T> handler) {
        ConnectionTelemetry connection = ConnectionTelemetry.of(session.getUserProperties());
        if (connection == null) {
            session.addMessageHandler(type, handler);
            return;
        }
        session.addMessageHandler(type, message -> {
            connection.received();
            try (ContextStorage.Scope scope = connection.bind();
                 SpanAccess.SpanScope span = connection.messageSpan()) {
                handler.onMessage(message);
            }
        });
    }

    @Override
    public final void onOpen(Session session, EndpointConfig config) {
        inContext(session, () -> opened(session, config), WebSocketTelemetry::connected);
    }

    @Override
    public final void onClose(Session session, CloseReason reason) {
        inContext(session, () -> closed(session, reason), connection -> WebSocketTelemetry.disconnected(connection,
                reason == null ? 0 : reason.getCloseCode().getCode(), reason == null ? null : reason.getReasonPhrase()));
    }

    @Override
    public final void onError(Session session, Throwable error) {
        ConnectionTelemetry connection = ConnectionTelemetry.of(session.getUserProperties());
        if (connection == null) {
            errored(session, error);
            return;
        }
        try (ContextStorage.Scope scope = connection.bind()) {
            WebSocketTelemetry.failed(connection, error);
            errored(session, error);
        }
    }

    /**
     * Runs {@code callback} in the connection's context (as is, for a connection the configurator did not see), then
     * {@code afterwards} in the same context, also when the callback throws.
     */
    private static void inContext(Session session, Runnable callback, Consumer<ConnectionTelemetry> afterwards) {
        ConnectionTelemetry connection = ConnectionTelemetry.of(session.getUserProperties());
        if (connection == null) {
            callback.run();
            return;
        }
        try (ContextStorage.Scope scope = connection.bind()) {
            try {
                callback.run();
            } finally {
                afterwards.accept(connection);
            }
        }
    }
}
