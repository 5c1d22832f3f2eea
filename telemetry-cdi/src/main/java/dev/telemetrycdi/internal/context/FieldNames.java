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
    /** Suffix of a resource id field: {@code order} gives {@code order.id}. */
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
    /**
     * What the container's security did with the request: authenticated, anonymous, login_succeeded, login_failed,
     * denied, required. OpenTelemetry's semantic conventions have no attribute for it.
     */
    public static final String AUTH_OUTCOME = "auth.outcome";

    // exceptions (OpenTelemetry semantic conventions)
    public static final String EXCEPTION_TYPE = "exception.type";
    public static final String EXCEPTION_MESSAGE = "exception.message";
    public static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

    // events the module itself writes
    public static final String EVENT_REQUEST_COMPLETED = "request_completed";
    public static final String EVENT_REQUEST_FAILED = "request_failed";
    /** The caller's {@code X-Request-ID} was not acceptable: a new id replaces it (with {@code reason}). */
    public static final String EVENT_REQUEST_ID_REPLACED = "request_id_replaced";
    public static final String EVENT_TELEMETRY_INITIALIZED = "telemetry_initialized";
    public static final String EVENT_TELEMETRY_DISABLED = "telemetry_disabled";
    /** What the module hooked after {@code telemetry_initialized} (WildFly: endpoints added in a listener). */
    public static final String EVENT_TELEMETRY_HOOKED = "telemetry_hooked";
    public static final String EVENT_LOG_RECORDS_DROPPED = "log_records_dropped";
    public static final String EVENT_TRACING_ENABLED = "tracing_enabled";
    public static final String EVENT_TRACING_DISABLED = "tracing_disabled";
    /** On {@code telemetry_initialized}: the optional capabilities that are off (their API is not on the server). */
    public static final String CAPABILITIES_OFF = "capabilities.off";
    /**
     * On {@code telemetry_initialized} (and {@code telemetry_hooked}): what the module hooked in this application
     * ({@code "websocket com.acme.Chat"}).
     */
    public static final String HOOKS = "hooks";
    /** On {@code telemetry_initialized}: what it could not hook, each with why and the fix. */
    public static final String HOOKS_MISSED = "hooks.missed";

    // outbound HTTP (OpenTelemetry semantic conventions for HTTP clients)
    public static final String SERVER_ADDRESS = "server.address";
    public static final String SERVER_PORT = "server.port";
    public static final String ERROR_TYPE = "error.type";
    public static final String EVENT_HTTP_CLIENT_REQUEST = "http_client_request";

    // background tasks (ManagedExecutorService, @Asynchronous)
    public static final String TASK_ID = "task.id";
    public static final String TASK_NAME = "task.name";
    public static final String EVENT_TASK_STARTED = "task_started";
    public static final String EVENT_TASK_COMPLETED = "task_completed";
    public static final String EVENT_TASK_FAILED = "task_failed";

    // messaging (OpenTelemetry semantic conventions for messaging)
    public static final String MESSAGING_SYSTEM = "messaging.system";
    public static final String MESSAGING_OPERATION_TYPE = "messaging.operation.type";
    public static final String MESSAGING_DESTINATION_NAME = "messaging.destination.name";
    public static final String MESSAGING_MESSAGE_ID = "messaging.message.id";
    public static final String MESSAGING_CONVERSATION_ID = "messaging.message.conversation_id";
    public static final String EVENT_MESSAGE_RECEIVED = "message_received";
    public static final String EVENT_MESSAGE_PROCESSED = "message_processed";
    public static final String EVENT_MESSAGE_FAILED = "message_failed";
    public static final String EVENT_MESSAGE_PROPERTY_IGNORED = "message_property_ignored";
    /** The message property (or header) that {@code message_property_ignored} is about, and why. */
    public static final String MESSAGE_PROPERTY = "message.property";
    public static final String REASON = "reason";

    // Jakarta Batch
    public static final String JOB_NAME = "job.name";
    public static final String JOB_INSTANCE_ID = "job.instance.id";
    public static final String JOB_EXECUTION_ID = "job.execution.id";
    public static final String STEP_NAME = "step.name";
    public static final String STEP_EXECUTION_ID = "step.execution.id";
    public static final String EVENT_JOB_PARAMETER_IGNORED = "job_parameter_ignored";
    public static final String JOB_PARAMETER = "job.parameter";
    public static final String BATCH_STATUS = "batch.status";
    public static final String BATCH_EXIT_STATUS = "batch.exit_status";
    public static final String EVENT_JOB_STARTED = "job_started";
    public static final String EVENT_JOB_COMPLETED = "job_completed";
    public static final String EVENT_JOB_FAILED = "job_failed";
    public static final String EVENT_STEP_STARTED = "step_started";
    public static final String EVENT_STEP_COMPLETED = "step_completed";
    public static final String EVENT_STEP_FAILED = "step_failed";

    private FieldNames() {
    }
}
