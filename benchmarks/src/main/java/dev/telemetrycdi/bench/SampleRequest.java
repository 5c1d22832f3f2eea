package dev.telemetrycdi.bench;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.http.HttpTelemetry;
import dev.telemetrycdi.internal.http.RequestTelemetry;
import dev.telemetrycdi.internal.labels.LabelExtractor;
import dev.telemetrycdi.internal.labels.LabelRules;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.logging.LogPipeline;
import dev.telemetrycdi.internal.logging.LogRouter;
import dev.telemetrycdi.internal.tracing.SpanAccess;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one request every benchmark works on: an authenticated {@code GET} of a tournament's draft in the sample
 * application, {@code /dtx/api/tournaments/5/draft/12}, matched by {@code /api/tournaments/{id}/draft/{draftId}}.
 * Two resources with numeric ids is the common shape in the sample's API.
 */
final class SampleRequest {
    static final String CONTEXT_PATH = "/dtx";
    static final String METHOD = "GET";
    static final String URI = "/dtx/api/tournaments/5/draft/12";
    static final String APP_PATH = "/api/tournaments/5/draft/12";
    static final String TEMPLATE = "/api/tournaments/{id}/draft/{draftId}";
    /** The JAX-RS servlet's mapping (an {@code @ApplicationPath("/api")}). */
    static final String SERVLET_PATTERN = "/api/*";
    static final String CALLER_REQUEST_ID = "9f6c2e1a-7b3d-4c55-8e0f-2a1b3c4d5e6f";
    static final String USER = "alice";
    static final Principal PRINCIPAL = () -> USER;
    static final int STATUS = 200;

    /** The sample's label table, as its {@code microprofile-config.properties} configures it. */
    static final LabelRules LABEL_RULES = LabelRules.of("/api",
            LabelRules.parseMapping("tournaments:tournament, drafts:draft, draft:draft, leagues:league,"
                    + " organizations:organization, matches:match"),
            LabelRules.parseMapping("users:user, standings:standings"));

    /** The path parameters as JAX-RS hands them over ({@code UriInfo.getPathParameters()::getFirst}). */
    static final Function<String, String> PATH_PARAMETERS = Map.of("id", "5", "draftId", "12")::get;

    /** A context of a matched request's shape, for benchmarks that bind one without running a request. */
    static final Fields MATCHED_CONTEXT = Fields.of(
            FieldNames.REQUEST_ID, CALLER_REQUEST_ID,
            FieldNames.USER_ID, USER,
            FieldNames.LABELS, List.of("tournament", "draft"),
            "tournament.id", 5L,
            "draft.id", 12L);

    private SampleRequest() {
    }

    /** The {@code request_completed} line of this request, as {@link HttpTelemetry#complete} writes it (no span). */
    static LogEvent completedLine() {
        Capture capture = new Capture();
        LogRouter.activate(capture);
        try {
            HttpTelemetry http = new HttpTelemetry(new LabelExtractor(LABEL_RULES), SpanAccess.NONE);
            RequestTelemetry request = http.begin(null, METHOD, URI, CONTEXT_PATH, PRINCIPAL);
            http.matched(request, TEMPLATE, PATH_PARAMETERS);
            http.complete(request, STATUS, null);
        } finally {
            LogRouter.deactivate(capture);
        }
        if (capture.last == null) {
            throw new IllegalStateException("HttpTelemetry.complete wrote no line");
        }
        return capture.last;
    }

    /** Keeps the last line handed to it. */
    private static final class Capture implements LogPipeline {
        LogEvent last;

        @Override
        public boolean isEnabled(LogLevel level) {
            return true;
        }

        @Override
        public void publish(LogEvent event) {
            last = event;
        }
    }
}
