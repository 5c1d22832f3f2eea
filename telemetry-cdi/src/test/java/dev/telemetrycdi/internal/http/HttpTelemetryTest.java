package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.labels.LabelExtractor;
import dev.telemetrycdi.internal.labels.SampleLabels;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.logging.LogEvent;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpTelemetryTest {
    private final HttpTelemetry http = new HttpTelemetry(new LabelExtractor(SampleLabels.RULES), SpanAccess.NONE);
    private CapturedLines pipeline;

    @BeforeEach
    void capture() {
        pipeline = new CapturedLines(LogLevel.DEBUG).activate();
    }

    @AfterEach
    void release() {
        pipeline.close();
        assertTrue(ContextStorage.current().isEmpty());
    }

    @Test
    void aRequestStartsWithItsIdUserAndRawPathLabels() {
        RequestTelemetry request = http.begin("abc-1", "GET", "/app/api/tournaments/5/", "/app", () -> "alice");
        assertEquals(List.of("request.id", "user.id", "labels", "tournament.id"),
                List.copyOf(request.context().toMap().keySet()));
        assertEquals("abc-1", request.context().get("request.id"));
        assertEquals(5L, request.context().get("tournament.id"));
        assertEquals("/api/tournaments/5/", request.appPath());
    }

    @Test
    void theMatchedTemplateReplacesTheRawPathLabels() {
        RequestTelemetry request = http.begin(null, "GET", "/api/tournaments/5/draft/12", "", null);
        try (ContextStorage.Scope scope = request.bind()) {
            http.matched(request, "/api/tournaments/{id}/draft/{draftId}", Map.of("id", "5", "draftId", "12")::get);
            Fields bound = ContextStorage.current();
            assertEquals(List.of("tournament", "draft"), bound.get("labels"));
            assertEquals(12L, bound.get("draft.id"));
        }
        http.complete(request, 200, null);
        LogEvent completed = pipeline.named("request_completed").get(0);
        assertEquals("/api/tournaments/{id}/draft/{draftId}", completed.fields().get("http.route"));
    }

    @Test
    void fieldsBoundByTheApplicationInsideTheRequestSurviveTheRouteUpdate() {
        RequestTelemetry request = http.begin("keep", "GET", "/api/tournaments/5/standings", "", null);
        try (ContextStorage.Scope scope = request.bind()) {
            try (ContextStorage.Scope applicationFilter = ContextStorage.attach(
                    ContextStorage.current().with("tenant", "acme"))) {
                http.matched(request, "/api/tournaments/{id}", Map.of("id", "6")::get);
                request.user("bob");
                Fields bound = ContextStorage.current();
                assertEquals("acme", bound.get("tenant"));
                assertEquals(6L, bound.get("tournament.id"));
                assertEquals(List.of("tournament"), bound.get("labels"));
                assertEquals("bob", bound.get("user.id"));
            }
            Fields after = ContextStorage.current(); // the filter's scope closed: what the request learnt stays
            assertEquals(null, after.get("tenant"));
            assertEquals(6L, after.get("tournament.id"));
            assertEquals("bob", after.get("user.id"));
        }
    }

    @Test
    void theServerSpanGetsTheRequestsFieldsAndTheRequestTheSpansIds() {
        List<Fields> annotated = new java.util.ArrayList<>();
        SpanAccess span = new SpanAccess() {
            @Override
            public Fields correlation() {
                return Fields.of("trace_id", "t1", "span_id", "s1", "trace_flags", "01");
            }

            @Override
            public void annotate(Fields fields) {
                annotated.add(fields);
            }
        };
        HttpTelemetry traced = new HttpTelemetry(new LabelExtractor(SampleLabels.RULES), span);
        RequestTelemetry request = traced.begin("r-span", "GET", "/api/tournaments/5", "", () -> "alice");
        traced.correlate(request);
        assertEquals(Map.of("request.id", "r-span", "user.id", "alice", "labels", List.of("tournament"),
                "tournament.id", 5L), annotated.get(0).toMap());
        traced.complete(request, 200, null);
        assertEquals("t1", pipeline.named("request_completed").get(0).context().get("trace_id"));
    }

    @Test
    void aRequestIsCorrelatedOnceAndNotBeforeItsSpanExists() {
        List<Fields> annotated = new java.util.ArrayList<>();
        Fields[] current = {Fields.EMPTY};
        SpanAccess span = new SpanAccess() {
            @Override
            public Fields correlation() {
                return current[0];
            }

            @Override
            public void annotate(Fields fields) {
                annotated.add(fields);
            }
        };
        HttpTelemetry traced = new HttpTelemetry(new LabelExtractor(SampleLabels.RULES), span);
        RequestTelemetry request = traced.begin("r-late", "GET", "/api/tournaments/5", "", null);
        traced.correlate(request); // WildFly: the JAX-RS filter runs before the server span exists
        assertEquals(List.of(), annotated);
        current[0] = Fields.of("trace_id", "t2", "span_id", "s2", "trace_flags", "01");
        traced.correlate(request); // TelemetrySpanFilter, after the runtime's tracing filter
        current[0] = Fields.of("trace_id", "t3", "span_id", "s3", "trace_flags", "01");
        traced.correlate(request);
        assertEquals(1, annotated.size(), "annotated once");
        traced.complete(request, 200, null);
        assertEquals("s2", pipeline.named("request_completed").get(0).context().get("span_id"));
    }

    @Test
    void aRequestThreadIsLeftWithTheTraceContextItCameWithOrAnEmptyOneWhereAnythingEarlierIsLeftOver() {
        Object[] current = {"came-with"};
        SpanAccess threads = new SpanAccess() {
            @Override
            public Fields correlation() {
                return Fields.EMPTY;
            }

            @Override
            public void annotate(Fields fields) {
            }

            @Override
            public Object captureParent() {
                return current[0];
            }

            @Override
            public Object emptyContext() {
                return "empty";
            }

            @Override
            public void restoreContext(Object captured) {
                current[0] = captured;
            }
        };
        HttpTelemetry liberty = new HttpTelemetry(new LabelExtractor(SampleLabels.RULES), SpanAccess.NONE, threads,
                false);
        Object entered = liberty.enterThread();
        current[0] = "left-by-instrumentation";
        liberty.leaveThread(entered);
        assertEquals("came-with", current[0]);

        HttpTelemetry wildFly = new HttpTelemetry(new LabelExtractor(SampleLabels.RULES), SpanAccess.NONE, threads,
                true);
        current[0] = "leaked-earlier";
        entered = wildFly.enterThread();
        assertEquals("empty", current[0], "the request starts clean");
        current[0] = "left-by-instrumentation";
        wildFly.leaveThread(entered);
        assertEquals("empty", current[0]);
    }

    @Test
    void completionIsWrittenOnceWithSemanticConventionFields() {
        RequestTelemetry request = http.begin("once", "POST", "/api/matches/7/score", "", null);
        http.complete(request, 201, null);
        http.complete(request, 500, new IllegalStateException());
        assertEquals(1, pipeline.events.size(), pipeline.events.toString());
        LogEvent completed = pipeline.events.get(0);
        assertEquals("request_completed", completed.event());
        assertEquals(LogLevel.INFO, completed.level());
        assertEquals("POST", completed.fields().get("http.request.method"));
        assertEquals("/api/matches/7/score", completed.fields().get("url.path"));
        assertEquals(201, completed.fields().get("http.response.status_code"));
        assertTrue(completed.fields().get("duration_ms") instanceof Double);
        assertNull(completed.fields().get("http.route"), "no route when nothing matched");
        assertEquals("once", completed.context().get("request.id"));
    }

    @ParameterizedTest
    @CsvSource({"200, INFO", "302, INFO", "400, WARNING", "404, WARNING", "500, ERROR", "503, ERROR"})
    void theLevelFollowsTheStatus(int status, LogLevel level) {
        http.complete(http.begin(null, "GET", "/x", "", null), status, null);
        assertEquals(level, pipeline.events.get(0).level());
    }

    @Test
    void aFailureAddsOneRequestFailedLineWithTheApplicationsException() {
        IllegalStateException cause = new IllegalStateException("bracket corrupted");
        RequestTelemetry request = http.begin("f", "GET", "/api/tournaments/5/explode", "", null);
        http.complete(request, 500, new ServletException(cause));
        assertEquals(List.of("request_failed", "request_completed"),
                pipeline.events.stream().map(LogEvent::event).toList());
        assertSame(cause, pipeline.events.get(0).thrown(), "unwrapped from the container's ServletException");
        assertEquals(5L, pipeline.events.get(0).context().get("tournament.id"));
    }

    @Test
    void anExceptionThatEscapedAResourceIsAFailureOnlyForServerErrors() {
        RequestTelemetry mapped = http.begin("m", "GET", "/api/matches/9/forfeit", "", null);
        mapped.escaped(new IllegalArgumentException("mapped to 404"));
        http.complete(mapped, 404, null);
        assertEquals(List.of(), pipeline.named("request_failed"));

        RequestTelemetry server = http.begin("s", "GET", "/api/tournaments/5/explode", "", null);
        IllegalStateException escaped = new IllegalStateException("answered 500 by the server");
        server.escaped(escaped);
        http.complete(server, 500, null);
        assertSame(escaped, pipeline.named("request_failed").get(0).thrown());
    }

    @Test
    void longUrlsAreBounded() {
        String uri = "/api/" + "a".repeat(5000);
        http.complete(http.begin(null, "GET", uri, "", null), 404, null);
        assertEquals(HttpTelemetry.MAX_URL_PATH, ((String) pipeline.events.get(0).fields().get("url.path")).length());
    }
}
