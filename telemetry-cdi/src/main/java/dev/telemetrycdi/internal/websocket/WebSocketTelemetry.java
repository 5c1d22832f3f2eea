package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.http.RequestIds;
import dev.telemetrycdi.internal.jul.Emitter;
import dev.telemetrycdi.internal.labels.LabelExtractor;
import dev.telemetrycdi.internal.tracing.SpanAccess;

import java.security.Principal;
import java.util.function.Function;

/**
 * The telemetry of WebSocket connections: the context a connection starts with at its handshake ({@code ws.conn_id},
 * {@code request.id}, {@code user.id}, labels of its path) and its {@code ws_connected}, {@code ws_disconnected} and
 * {@code ws_error} lines.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class WebSocketTelemetry {
    static final String LOGGER = "dev.telemetrycdi.websocket";

    static final String MESSAGE_SPAN = "websocket message";

    private final LabelExtractor labels;
    private final SpanAccess messageSpans;

    /** @param messageSpans where a span per message is opened; {@link SpanAccess#NONE} for none */
    public WebSocketTelemetry(LabelExtractor labels, SpanAccess messageSpans) {
        this.labels = labels;
        this.messageSpans = messageSpans;
    }

    /**
     * The connection's telemetry from its handshake.
     *
     * @param requestIdHeader the caller's {@code X-Request-ID}, may be null
     * @param appPath         the handshake path relative to the context root, e.g. {@code /ws/tournaments/5/draft/12}
     * @param user            the authenticated principal, may be null
     */
    public ConnectionTelemetry handshake(String requestIdHeader, String appPath, Principal user) {
        return handshake(requestIdHeader, appPath, user, header -> null);
    }

    /**
     * As {@link #handshake(String, String, Principal)}; {@code headers} gives the handshake's headers by name, so that
     * without a server span around the handshake (WildFly traces only JAX-RS requests) the messages' spans still
     * continue the caller's {@code traceparent}.
     */
    public ConnectionTelemetry handshake(String requestIdHeader, String appPath, Principal user,
                                         Function<String, String> headers) {
        return handshake(requestIdHeader, null, appPath, user, headers);
    }

    /**
     * As {@link #handshake(String, String, Principal, Function)}, with the labels of the endpoint's path
     * {@code template} ({@code ServerEndpointConfig.getPath()}, e.g. {@code /ws/tournaments/{id}/draft/{draftId}};
     * null: configured names of the raw path only), its parameters read from {@code appPath} by position.
     */
    public ConnectionTelemetry handshake(String requestIdHeader, String template, String appPath, Principal user,
                                         Function<String, String> headers) {
        Fields pathLabels = template != null ? labels.fromEndpoint(template, appPath) : labels.fromPath(appPath);
        Fields.Builder context = Fields.builder(3 + pathLabels.size())
                .put(FieldNames.WS_CONN_ID, RequestIds.acceptOrGenerate(null))
                .put(FieldNames.REQUEST_ID, RequestIds.acceptOrGenerate(requestIdHeader));
        if (user != null && user.getName() != null) {
            context.put(FieldNames.USER_ID, user.getName());
        }
        Fields fields = context.putAll(pathLabels).build();
        if (messageSpans == SpanAccess.NONE) {
            return new ConnectionTelemetry(fields);
        }
        Object parent = messageSpans.correlation().isEmpty() ? messageSpans.extract(headers)
                : messageSpans.captureParent();
        return new ConnectionTelemetry(fields, () -> messageSpans.openSpan(parent, MESSAGE_SPAN, fields));
    }

    public static void connected(ConnectionTelemetry connection) {
        Emitter.emitModule(LogLevel.INFO, LOGGER, FieldNames.EVENT_WS_CONNECTED, connection.context(), Fields.EMPTY,
                null);
    }

    public static void disconnected(ConnectionTelemetry connection, int code, String reason) {
        if (!connection.markClosed()) {
            return;
        }
        Fields.Builder fields = Fields.builder(5);
        if (code > 0) {
            fields.put(FieldNames.WS_CLOSE_CODE, code);
        }
        if (reason != null && !reason.isEmpty()) {
            fields.put(FieldNames.WS_CLOSE_REASON, reason.length() <= 123 ? reason : reason.substring(0, 123));
        }
        fields.put(FieldNames.DURATION_MS, connection.durationMs())
                .put(FieldNames.WS_MESSAGES_RECEIVED, connection.receivedCount())
                .put(FieldNames.WS_MESSAGES_SENT, connection.sentCount());
        Emitter.emitModule(LogLevel.INFO, LOGGER, FieldNames.EVENT_WS_DISCONNECTED, connection.context(),
                fields.build(), null);
    }

    public static void failed(ConnectionTelemetry connection, Throwable error) {
        Emitter.emitModule(LogLevel.ERROR, LOGGER, FieldNames.EVENT_WS_ERROR, connection.context(), Fields.EMPTY,
                error);
    }
}
