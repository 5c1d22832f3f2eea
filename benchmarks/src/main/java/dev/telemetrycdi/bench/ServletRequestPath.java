package dev.telemetrycdi.bench;

import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.http.HttpTelemetry;
import dev.telemetrycdi.internal.http.RequestTelemetry;
import dev.telemetrycdi.internal.labels.LabelExtractor;
import dev.telemetrycdi.internal.tracing.SpanAccess;

/**
 * What the module does on the request thread for one {@link SampleRequest}, in the order
 * {@code TelemetryRequestListener}, {@code TelemetryServletFilter} and {@code TelemetryRestFilter} do it:
 * {@code begin} (request id, raw-path labels, context), the servlet mapping's labels (none needed: the raw path
 * has some), binding the context, {@code matched} (route template and its path parameters, rebinding the context),
 * the application's own lines, restoring the thread's context, and {@code complete} handing the
 * {@code request_completed} line to whatever pipeline {@code LogRouter} has active.
 *
 * <p>Left out, because they are the container's cost rather than the module's: reading the request's header,
 * URI and principal, setting the request attribute and the {@code X-Request-ID} response header, and computing
 * the route template (cached per resource method by {@code RouteTemplates}).
 *
 * <p>Confined to one benchmark thread.
 */
final class ServletRequestPath {
    private static final EventLogger LOG = EventLogger.get("com.example.DraftResource");

    private final HttpTelemetry http =
            new HttpTelemetry(new LabelExtractor(SampleRequest.LABEL_RULES), SpanAccess.NONE);
    private final String requestIdHeader;
    private final int applicationLines;

    /**
     * @param callerSendsRequestId whether the request carries an acceptable {@code X-Request-ID} (else one is
     *                             generated)
     * @param applicationLines     lines the application writes inside the request
     */
    ServletRequestPath(boolean callerSendsRequestId, int applicationLines) {
        this.requestIdHeader = callerSendsRequestId ? SampleRequest.CALLER_REQUEST_ID : null;
        this.applicationLines = applicationLines;
    }

    RequestTelemetry run() {
        RequestTelemetry request = http.begin(requestIdHeader, SampleRequest.METHOD, SampleRequest.URI,
                SampleRequest.CONTEXT_PATH, SampleRequest.PRINCIPAL);
        request.enteredApplication(null); // the servlet filter starts it: no listener before the container's security
        http.servletMapped(request, SampleRequest.SERVLET_PATTERN);
        try (ContextStorage.Scope bound = request.bind()) {
            http.matched(request, SampleRequest.TEMPLATE, SampleRequest.PATH_PARAMETERS);
            for (int i = 0; i < applicationLines; i++) {
                LOG.info("draft_viewed", "pick.count", 3);
            }
        }
        http.complete(request, SampleRequest.STATUS, null);
        return request;
    }
}
