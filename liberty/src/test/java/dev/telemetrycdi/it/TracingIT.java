package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With the server's MicroProfile Telemetry turned on for the application (its own otel.* settings, exporting
 * OTLP/HTTP to a real receiver on loopback): the runtime's server span carries the request's context as
 * attributes, and the request's log lines carry that span's trace_id, span_id and trace_flags.
 */
@ExtendWith(ArquillianExtension.class)
class TracingIT {
    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    private static final SampleApp APP = SampleApp.named("tracing")
            .with("otel.sdk.disabled", "false")
            .with("otel.service.name", "dtx-backend")
            .with("otel.exporter.otlp.protocol", "http/protobuf")
            .with("otel.exporter.otlp.endpoint", OTLP.endpoint())
            .with("otel.traces.sampler", "always_on")
            .with("otel.metrics.exporter", "none")
            .with("otel.logs.exporter", "none")
            .with("otel.bsp.schedule.delay", "100");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @AfterAll
    static void stopReceiver() {
        OTLP.stop();
    }

    @Test
    void theServerSpanCarriesTheRequestContextAndTheLinesCarryTheSpan() {
        Http.get(base, "/api/tournaments/5/draft/12/", "X-Request-ID", "trace-1",
                "Authorization", Http.basic("alice", "alicepw"));
        OtlpReceiver.ReceivedSpan span = OTLP.await(each -> "trace-1".equals(each.attributes().get("request.id")));
        assertEquals("SPAN_KIND_SERVER", span.kind());
        assertEquals(List.of("tournament", "draft"), span.attributes().get("labels"));
        assertEquals(5L, span.attributes().get("tournament.id"));
        assertEquals(12L, span.attributes().get("draft.id"));
        assertEquals("alice", span.attributes().get("user.id"));
        assertEquals("dtx-backend", span.resource().get("service.name"));

        JsonObject completed = APP.log().completed("trace-1");
        assertEquals(span.traceId(), text(completed, "trace_id"));
        assertEquals(span.spanId(), text(completed, "span_id"));
        assertEquals("01", text(completed, "trace_flags"));
        JsonObject loaded = APP.log().request("trace-1").stream()
                .filter(line -> event(line, "tournament_draft_loaded")).findFirst().orElseThrow();
        assertEquals(span.traceId(), text(loaded, "trace_id"));
    }

    @Test
    void anIncomingTraceparentIsContinued() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parent = "00f067aa0ba902b7";
        Http.get(base, "/api/leagues/3/standings/", "X-Request-ID", "trace-2",
                "traceparent", "00-" + traceId + "-" + parent + "-01");
        OtlpReceiver.ReceivedSpan span = OTLP.await(each -> "trace-2".equals(each.attributes().get("request.id")));
        assertEquals(traceId, span.traceId());
        assertEquals(parent, span.parentSpanId());
        assertEquals(traceId, text(APP.log().completed("trace-2"), "trace_id"));
        JsonObject jbossLogging = APP.log().request("trace-2").stream()
                .filter(line -> text(line, "event").startsWith("computing standings")).findFirst().orElseThrow();
        assertEquals(traceId, text(jbossLogging, "trace_id"));
    }
}
