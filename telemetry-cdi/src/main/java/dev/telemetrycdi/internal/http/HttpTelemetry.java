package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.context.RequestIds;
import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.Emitter;
import dev.telemetrycdi.internal.labels.LabelExtractor;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.work.WorkKind;

import java.security.Principal;
import java.util.function.Function;

/**
 * The start and the end of an HTTP request's telemetry: the context a request starts with (id, user, labels of its
 * raw path) and its one {@code request_completed} line, preceded by a {@code request_failed} line when an exception
 * escaped the application.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class HttpTelemetry {
    static final String LOGGER = "dev.telemetrycdi.http";
    static final int MAX_URL_PATH = 2048;
    /** A request as a unit of work: no started line; {@code request_completed}, and {@code request_failed} before. */
    static final WorkKind KIND = new WorkKind(LOGGER, null, FieldNames.EVENT_REQUEST_COMPLETED,
            FieldNames.EVENT_REQUEST_FAILED);
    private static final Integer[] STATUS_BOXES = new Integer[500];

    static {
        for (int i = 0; i < STATUS_BOXES.length; i++) {
            STATUS_BOXES[i] = 100 + i;
        }
    }

    private final LabelExtractor labels;
    private final SpanAccess spans;
    private final SpanAccess threads;
    private final boolean cleanStart;

    public HttpTelemetry(LabelExtractor labels, SpanAccess spans) {
        this(labels, spans, spans, false);
    }

    /**
     * @param spans      the spans requests correlate with: {@link SpanAccess#NONE} unless tracing is on
     * @param threads    the OpenTelemetry of the server whether tracing is on or not, to leave each request thread
     *                   with a sound trace context ({@link #enterThread()})
     * @param cleanStart whether a trace context current before the request is always left over from elsewhere: on
     *                   WildFly, whose spans start in JAX-RS filters, not around the servlet chain
     */
    public HttpTelemetry(LabelExtractor labels, SpanAccess spans, SpanAccess threads, boolean cleanStart) {
        this.labels = labels;
        this.spans = spans;
        this.threads = threads;
        this.cleanStart = cleanStart;
    }

    /**
     * Prepares the request thread's OpenTelemetry context and returns the one to leave it with
     * ({@link #leaveThread(Object)}): the one it came with, or, where a span current before the request can only be
     * left over (WildFly), the empty one. WildFly's JAX-RS client instrumentation leaves its span current when a call
     * fails to connect; a request starting under such a span gets no server span of its own (nested server spans are
     * suppressed), and its lines and tasks would join a stranger's trace.
     */
    public Object enterThread() {
        if (cleanStart) {
            Object empty = threads.emptyContext();
            threads.restoreContext(empty);
            return empty;
        }
        return threads.captureParent();
    }

    /** Puts back the OpenTelemetry context the thread had when the request started, if something left another. */
    public void leaveThread(Object entered) {
        threads.restoreContext(entered);
    }

    /**
     * Starts a request's telemetry.
     *
     * @param requestIdHeader the caller's {@code X-Request-ID}, may be null
     * @param uri             the raw request URI ({@code url.path}, without a {@code ;jsessionid=} parameter)
     * @param contextPath     the application's context path
     * @param user            the authenticated principal, may be null
     */
    public RequestTelemetry begin(String requestIdHeader, String method, String uri, String contextPath,
                                  Principal user) {
        String id = RequestIds.acceptOrGenerate(requestIdHeader);
        uri = SessionIds.strip(uri);
        int appStart = uri.startsWith(contextPath) ? contextPath.length() : 0;
        Fields pathLabels = labels.fromPath(uri, appStart);
        Fields.Builder context = Fields.builder(2 + pathLabels.size()).put(FieldNames.REQUEST_ID, id);
        if (user != null && user.getName() != null) {
            context.put(FieldNames.USER_ID, user.getName());
        }
        Fields bound = context.putAll(pathLabels).build();
        if (requestIdHeader != null && !id.equals(requestIdHeader)) {
            // the caller's id is dropped, never logged: one line says so, in the request's context (its new id)
            Emitter.emitModule(LogLevel.WARNING, LOGGER, FieldNames.EVENT_REQUEST_ID_REPLACED, bound,
                    Fields.of(FieldNames.REASON, RequestIds.REJECTED), null);
        }
        return new RequestTelemetry(this, id, method, uri, appStart, bound);
    }

    /**
     * Applies the labels of the servlet mapping that serves the request (e.g. {@code /orders/*} for
     * {@code /orders/5}), when its raw path gave none. A JAX-RS route matched later replaces them.
     *
     * @param pattern the mapping's pattern ({@code HttpServletMapping.getPattern()})
     */
    public void servletMapped(RequestTelemetry request, String pattern) {
        if (!request.hasLabels()) {
            request.mappingLabels(labels.fromServletMapping(pattern, request.appPath()));
        }
    }

    /** Applies what JAX-RS matched: the route template and the labels of its path parameters. */
    public void matched(RequestTelemetry request, String template, Function<String, String> pathParameter) {
        request.matched(template, labels.fromTemplate(template, pathParameter));
    }

    /**
     * Ties the request to the runtime's server span, current while JAX-RS filters run: the request's context gets
     * the span's {@code trace_id}, {@code span_id} and {@code trace_flags} (so its closing lines carry them, whatever
     * thread writes them), and the span gets the request's context fields as attributes.
     */
    public void correlate(RequestTelemetry request) {
        if (spans == SpanAccess.NONE) {
            return;
        }
        if (request.context().indexOf(FieldNames.TRACE_ID) >= 0) {
            return; // correlated already (Liberty: in TelemetryRestFilter)
        }
        Fields span = spans.correlation();
        if (span.isEmpty()) {
            return; // no span yet (WildFly: before its tracing filter); TelemetrySpanFilter comes back later
        }
        spans.annotate(request.context());
        request.traced(span);
    }

    /**
     * Writes the request's closing lines, once: {@code request_failed} if the client got a server error and an
     * exception escaped the application, then {@code request_completed} with the status the client got and the
     * outcome of the container's security. Later calls for the same request do nothing.
     *
     * @param status  the status the client got
     * @param failure an exception that reached the module's servlet filter, or null; otherwise one recorded with
     *                the request (escaped from a resource method, or from the filter chain) is used. An exception
     *                the container answered with a status below 500 (Liberty's 404 for an unknown path) is not a
     *                failure of the application and gives no {@code request_failed}.
     */
    public void complete(RequestTelemetry request, int status, Throwable failure) {
        if (!request.markEnded()) {
            return;
        }
        double durationMs = request.durationMs();
        Throwable applicationFailure = status < 500 ? null
                : failure != null ? failure : request.thrown() != null ? request.thrown() : request.escaped();
        if (applicationFailure != null) {
            request.failed(request.context(), Fields.of(FieldNames.HTTP_REQUEST_METHOD, request.method(),
                    FieldNames.URL_PATH, bounded(request.uri())), unwrap(applicationFailure));
        }
        AuthOutcome outcome = AuthOutcome.of(request.uri(), status, request.reachedApplication(), request.user());
        Fields.Builder fields = Fields.builder(6).put(FieldNames.HTTP_REQUEST_METHOD, request.method());
        if (request.route() != null) {
            fields.put(FieldNames.HTTP_ROUTE, request.route());
        }
        fields.put(FieldNames.URL_PATH, bounded(request.uri()))
                .put(FieldNames.HTTP_RESPONSE_STATUS_CODE, boxed(status))
                .put(FieldNames.AUTH_OUTCOME, outcome.value())
                .put(FieldNames.DURATION_MS, durationMs);
        LogLevel level = levelOf(status);
        if (outcome.isWarning() && level == LogLevel.INFO) {
            level = LogLevel.WARNING;
        }
        request.completed(request.context(), level, fields.build());
    }

    /** The status as an {@code Integer}, without a new box for the usual 100–599 (16 B a request less). */
    private static Integer boxed(int status) {
        return status >= 100 && status < 100 + STATUS_BOXES.length ? STATUS_BOXES[status - 100] : status;
    }

    static LogLevel levelOf(int status) {
        if (status >= 500) {
            return LogLevel.ERROR;
        }
        return status >= 400 ? LogLevel.WARNING : LogLevel.INFO;
    }

    /** The application's own exception inside the container's wrappers (ServletException and the like). */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < 8; depth++) {
            String name = current.getClass().getName();
            boolean wrapper = name.equals("jakarta.servlet.ServletException")
                    || name.endsWith(".UnhandledException") || name.endsWith(".ApplicationException");
            if (!wrapper || current.getCause() == null || current.getCause() == current) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }

    private static String bounded(String uri) {
        return uri.length() <= MAX_URL_PATH ? uri : uri.substring(0, MAX_URL_PATH);
    }
}
