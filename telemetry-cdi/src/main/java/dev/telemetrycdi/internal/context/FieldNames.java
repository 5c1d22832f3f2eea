package dev.telemetrycdi.internal.context;

/**
 * Every field name the module writes, in one place. OpenTelemetry semantic-convention names where one exists.
 *
 * <p>Internal API: may change without notice.
 */
public final class FieldNames {
    // line envelope
    public static final String TIMESTAMP = "timestamp";
    public static final String LEVEL = "level";
    public static final String EVENT = "event";
    public static final String LOGGER = "logger";

    // bound context
    public static final String REQUEST_ID = "request.id";
    public static final String USER_ID = "user.id";
    public static final String LABELS = "labels";
    /** Suffix of a resource id field: {@code tournament} gives {@code tournament.id}. */
    public static final String ID_SUFFIX = ".id";

    // WebSocket connections
    public static final String WS_CONN_ID = "ws.conn_id";
    public static final String WS_CLOSE_CODE = "websocket.close.code";
    public static final String WS_CLOSE_REASON = "websocket.close.reason";
    public static final String WS_MESSAGES_RECEIVED = "messages.received";
    public static final String WS_MESSAGES_SENT = "messages.sent";
    public static final String EVENT_WS_CONNECTED = "ws_connected";
    public static final String EVENT_WS_DISCONNECTED = "ws_disconnected";
    public static final String EVENT_WS_ERROR = "ws_error";

    // trace correlation (the names of OpenTelemetry's log data model)
    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";
    public static final String TRACE_FLAGS = "trace_flags";

    // HTTP (OpenTelemetry semantic conventions)
    public static final String HTTP_REQUEST_METHOD = "http.request.method";
    public static final String HTTP_ROUTE = "http.route";
    public static final String URL_PATH = "url.path";
    public static final String HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
    public static final String DURATION_MS = "duration_ms";

    // exceptions (OpenTelemetry semantic conventions)
    public static final String EXCEPTION_TYPE = "exception.type";
    public static final String EXCEPTION_MESSAGE = "exception.message";
    public static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

    // events the module itself writes
    public static final String EVENT_REQUEST_COMPLETED = "request_completed";
    public static final String EVENT_REQUEST_FAILED = "request_failed";
    public static final String EVENT_TELEMETRY_INITIALIZED = "telemetry_initialized";
    public static final String EVENT_TELEMETRY_DISABLED = "telemetry_disabled";
    public static final String EVENT_LOG_RECORDS_DROPPED = "log_records_dropped";
    public static final String EVENT_TRACING_ENABLED = "tracing_enabled";
    public static final String EVENT_TRACING_DISABLED = "tracing_disabled";

    // outbound HTTP (OpenTelemetry semantic conventions for HTTP clients)
    public static final String SERVER_ADDRESS = "server.address";
    public static final String SERVER_PORT = "server.port";
    public static final String ERROR_TYPE = "error.type";
    public static final String EVENT_HTTP_CLIENT_REQUEST = "http_client_request";

    private FieldNames() {
    }
}
