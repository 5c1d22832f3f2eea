package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.RequestIds;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.Emitter;
import dev.telemetrycdi.internal.labels.LabelExtractor;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.work.Work;
import dev.telemetrycdi.internal.work.WorkKind;

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
    /** A connection as a unit of work: {@code ws_connected}, {@code ws_disconnected}, {@code ws_error}. */
    static final WorkKind KIND = new WorkKind(LOGGER, FieldNames.EVENT_WS_CONNECTED,
            FieldNames.EVENT_WS_DISCONNECTED, FieldNames.EVENT_WS_ERROR);

    private final LabelExtractor labels;
    private final SpanAccess messageSpans;
    private final PendingUpgrades upgrades = new PendingUpgrades();
    /** The connection of each endpoint instance seen in a callback, until the container releases the instance. */
    private final java.util.Map<Object, ConnectionTelemetry> serving =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** @param messageSpans where a span per message is opened; {@link SpanAccess#NONE} for none */
    public WebSocketTelemetry(LabelExtractor labels, SpanAccess messageSpans) {
        this.labels = labels;
        this.messageSpans = messageSpans;
    }

    /**
     * The connection's telemetry from its handshake.
     *
     * @param requestIdHeader the caller's {@code X-Request-ID}, may be null
     * @param appPath         the handshake path relative to the context root, e.g. {@code /ws/orders/5/item/12}
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
     * {@code template} ({@code ServerEndpointConfig.getPath()}, e.g. {@code /ws/orders/{id}/item/{itemId}};
     * null: configured names of the raw path only), its parameters read from {@code appPath} by position.
     */
    public ConnectionTelemetry handshake(String requestIdHeader, String template, String appPath, Principal user,
                                         Function<String, String> headers) {
        return handshake(requestIdHeader, template, appPath, user, headers, ContextStorage.current());
    }

    /** As above, {@code upgrade} the context of the upgrade request if known ({@code request.id} wins). */
    private ConnectionTelemetry handshake(String requestIdHeader, String template, String appPath, Principal user,
                                          Function<String, String> headers, Fields upgrade) {
        Fields pathLabels = template != null ? labels.fromEndpoint(template, appPath) : labels.fromPath(appPath);
        Object upgradeId = upgrade.get(FieldNames.REQUEST_ID);
        Fields.Builder context = Fields.builder(3 + pathLabels.size())
                .put(FieldNames.WS_CONN_ID, RequestIds.newId())
                .put(FieldNames.REQUEST_ID, upgradeId instanceof String ? upgradeId
                        : RequestIds.acceptOrGenerate(requestIdHeader));
        Object upgradeUser = upgrade.get(FieldNames.USER_ID);
        if (user != null && user.getName() != null) {
            context.put(FieldNames.USER_ID, user.getName());
        } else if (upgradeUser instanceof String) {
            context.put(FieldNames.USER_ID, upgradeUser);
        }
        Fields fields = context.putAll(pathLabels).build();
        if (messageSpans == SpanAccess.NONE) {
            return new ConnectionTelemetry(fields);
        }
        Object parent = messageSpans.correlation().isEmpty() ? messageSpans.extract(headers)
                : messageSpans.captureParent();
        return new ConnectionTelemetry(fields, () -> messageSpans.openSpan(parent, MESSAGE_SPAN, fields));
    }

    /**
     * Notes an upgrade request as it passes the servlet filter, for the connection it opens: its context
     * ({@code request.id}, {@code user.id}) under its raw path and query.
     */
    public void upgrading(String rawPath, String query, Fields requestContext) {
        Fields.Builder kept = Fields.builder(2);
        Object id = requestContext.get(FieldNames.REQUEST_ID);
        Object user = requestContext.get(FieldNames.USER_ID);
        if (id == null) {
            return;
        }
        kept.put(FieldNames.REQUEST_ID, id);
        if (user != null) {
            kept.put(FieldNames.USER_ID, user);
        }
        upgrades.note(PendingUpgrades.key(rawPath, query), kept.build());
    }

    /** The upgrade request {@code requestId} ended without upgrading (not 101): its note goes. */
    public void notUpgraded(String rawPath, String query, String requestId) {
        upgrades.withdraw(PendingUpgrades.key(rawPath, query), requestId);
    }

    /**
     * The telemetry of a connection whose handshake the module's configurator did not see, made at its first
     * callback from what the session tells: the context of its upgrade request as the servlet filter noted it (else
     * the context bound on the thread, else a new request id), its path's labels, its user.
     *
     * @param rawPath  the session's request path, with the context path
     * @param template the endpoint's path template, null if unknown
     */
    public ConnectionTelemetry fromSession(String rawPath, String query, Principal user, String template) {
        String path = rawPath == null ? "/" : rawPath;
        Fields upgrade = upgrades.take(PendingUpgrades.key(path, query));
        return handshake(null, template, template == null ? path : appPath(path, template), user, header -> null,
                upgrade != null ? upgrade : ContextStorage.current());
    }

    /** The request path relative to the context root: as many trailing segments as the endpoint's path has. */
    public static String appPath(String path, String template) {
        int segments = 0;
        for (int i = 0; i < template.length(); i++) {
            segments += template.charAt(i) == '/' ? 1 : 0;
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int start = trimmed.length();
        for (int found = 0; found < segments && start > 0; found++) {
            start = trimmed.lastIndexOf('/', start - 1);
        }
        return start < 0 ? path : path.substring(start);
    }

    /** {@code endpoint} (an endpoint instance) serves {@code connection}. */
    public void serving(Object endpoint, ConnectionTelemetry connection) {
        serving.putIfAbsent(endpoint, connection);
    }

    /**
     * The container released {@code endpoint} at the end of its connection: writes {@code ws_disconnected} if no
     * close callback did (the endpoint has none).
     */
    public void released(Object endpoint) {
        ConnectionTelemetry connection = serving.remove(endpoint);
        if (connection != null && !connection.isClosed()) {
            try (ContextStorage.Scope scope = connection.bind()) {
                disconnected(connection, 0, null);
            }
        }
    }

    /** Writes {@code ws_connected}, once per connection. */
    public static void connected(ConnectionTelemetry connection) {
        if (connection.markStarted()) {
            connection.started(connection.context());
        }
    }

    public static void disconnected(ConnectionTelemetry connection, int code, String reason) {
        if (!connection.markEnded()) {
            return;
        }
        Fields.Builder fields = Fields.builder(5);
        if (code > 0) {
            fields.put(FieldNames.WS_CLOSE_CODE, code);
        }
        String safeReason = CloseReasons.safe(reason);
        if (safeReason != null) {
            fields.put(FieldNames.WS_CLOSE_REASON, safeReason);
        }
        fields.put(FieldNames.DURATION_MS, connection.durationMs())
                .put(FieldNames.WS_MESSAGES_RECEIVED, connection.receivedCount())
                .put(FieldNames.WS_MESSAGES_SENT, connection.sentCount());
        connection.completed(connection.context(), LogLevel.INFO, fields.build());
    }

    public static void failed(ConnectionTelemetry connection, Throwable error) {
        connection.failed(connection.context(), Fields.EMPTY, error);
    }
}
