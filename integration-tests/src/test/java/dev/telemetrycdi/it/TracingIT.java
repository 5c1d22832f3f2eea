package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracing through the server's MicroProfile Telemetry, exporting OTLP/HTTP to a real receiver on loopback: opt-in
 * with the design's switch, the runtime's server span carrying the request's context as attributes, the request's
 * log lines carrying that span's trace_id, span_id and trace_flags; off by default, off without an endpoint, and an
 * invalid sampling ratio replaced by 0.1.
 */
@ExtendWith(ArquillianExtension.class)
class TracingIT {
    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    private static final String SECRET = "s3cr3t-t0ken";
    private static final SampleApp APP = traced("tracing")
            .with("otel.exporter.otlp.headers", "Authorization=Bearer " + SECRET);
    private static final SampleApp OFF = traced("tracing-off").with("otel.enabled", null);
    private static final SampleApp NO_ENDPOINT = traced("tracing-no-endpoint")
            .with("otel.exporter.otlp.endpoint", null);
    private static final SampleApp BAD_RATIO = traced("tracing-bad-ratio").with("otel.traces.sampler.arg", "lots");
    private static final SampleApp METRICS = traced("tracing-metrics").with("otel.metrics.exporter", "otlp")
            .with("otel.metric.export.interval", "500ms");
    private static final SampleApp EXPLICIT = traced("tracing-explicit").with("otel.enabled", null)
            .with("otel.sdk.disabled", "false").with("otel.traces.sampler", "always_on");
    private static final int RATIO_REQUESTS = 300;

    @ArquillianResource
    @OperateOnDeployment("on")
    URL base;

    @ArquillianResource
    @OperateOnDeployment("off")
    URL offUrl;

    @ArquillianResource
    @OperateOnDeployment("no-endpoint")
    URL noEndpointUrl;

    @ArquillianResource
    @OperateOnDeployment("bad-ratio")
    URL badRatioUrl;

    /** The design's opt-in, exporting to the receiver; metrics off here (they are another test's business). */
    private static SampleApp traced(String name) {
        return SampleApp.named(name).tracedTo(OTLP.endpoint());
    }

    @Deployment(name = "on", testable = false, order = 1)
    static WebArchive deployment() {
        return APP.war();
    }

    @Deployment(name = "off", testable = false, order = 2)
    static WebArchive off() {
        return OFF.war();
    }

    @Deployment(name = "no-endpoint", testable = false, order = 3)
    static WebArchive noEndpoint() {
        return NO_ENDPOINT.war();
    }

    @Deployment(name = "bad-ratio", testable = false, order = 4)
    static WebArchive badRatio() {
        return BAD_RATIO.war();
    }

    @ArquillianResource
    @OperateOnDeployment("explicit")
    URL explicitUrl;

    @Deployment(name = "explicit", testable = false, order = 6)
    static WebArchive explicit() {
        return EXPLICIT.war();
    }

    /** The application's own otel.* values win over the module's defaults (here: the SDK on without the opt-in). */
    @Test
    void explicitOtelSettingsWinOverTheDefaults() {
        Http.get(explicitUrl, "/api/ping", "X-Request-ID", "trace-explicit");
        OtlpReceiver.ReceivedSpan span = OTLP.await(each -> "trace-explicit".equals(each.attributes().get("request.id")));
        assertEquals(span.traceId(), text(EXPLICIT.log().completed("trace-explicit"), "trace_id"));
    }

    @Deployment(name = "metrics", testable = false, order = 5)
    static WebArchive metrics() {
        return METRICS.war();
    }

    @Test
    void theDesignsSystemMetricsAreExportedThroughTheRuntimesMeter() throws Exception {
        List<String> names = List.of("system.cpu.utilization", "system.memory.utilization",
                "process.cpu.utilization", "process.memory.usage");
        long deadline = System.currentTimeMillis() + 20_000;
        while (!OTLP.metrics().keySet().containsAll(names) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        var received = OTLP.metrics();
        assertTrue(received.keySet().containsAll(names), "received metrics: " + received.keySet());
        for (String ratio : List.of("system.cpu.utilization", "system.memory.utilization")) {
            double value = received.get(ratio).last();
            assertTrue(value >= 0 && value <= 1, ratio + " = " + value);
            assertEquals("1", received.get(ratio).unit());
        }
        assertTrue(received.get("process.memory.usage").last() > 1_000_000, received.get("process.memory.usage")
                .toString());
        for (String name : names) {
            assertEquals(java.util.Set.of("telemetry-cdi"), OTLP.scopesOf(name),
                    name + " is exported once, by the module, not also by the runtime; all: " + received.keySet());
        }
    }

    @Test
    void exportHeadersReachTheCollectorButNoOutput() throws Exception {
        Http.get(base, "/api/ping", "X-Request-ID", "trace-secret");
        OTLP.await(each -> "trace-secret".equals(each.attributes().get("request.id")));
        if (Server.isLiberty()) {
            assertTrue(OTLP.authorizations().contains("Bearer " + SECRET), OTLP.authorizations().toString());
        } else {
            // WildFly 39's exporter sends no export headers: the module says so once instead
            ServerLog.await("TCDI0006W", "otel.exporter.otlp.headers");
        }
        assertTrue(APP.log().rawLines().stream().noneMatch(line -> line.contains(SECRET)));
        assertTrue(ServerLog.lines().stream().noneMatch(line -> line.contains(SECRET)));
    }

    @Test
    void optedInTracingSaysWhereItExports() {
        JsonObject enabled = APP.log().await(line -> event(line, "tracing_enabled"));
        assertEquals(OTLP.endpoint(), text(enabled, "otel.exporter.otlp.endpoint"));
    }

    @Test
    void tracingIsOffUnlessOptedInAndThenSendsNothing() throws Exception {
        JsonObject disabled = OFF.log().await(line -> event(line, "tracing_disabled"));
        assertEquals("OTEL_ENABLED is not true", text(disabled, "reason"));
        for (int i = 0; i < 5; i++) {
            assertEquals(200, Http.get(offUrl, "/api/tournaments/5/", "X-Request-ID", "off-" + i).statusCode());
        }
        OFF.log().completed("off-4");
        Thread.sleep(1_000); // several export intervals of the traced deployments
        assertTrue(OTLP.spans().stream().noneMatch(span -> String.valueOf(span.attributes().get("request.id"))
                .startsWith("off-")), "no span of the deployment without opt-in");
        assertTrue(OFF.log().lines().stream().noneMatch(line -> line.containsKey("trace_id")));
    }

    @Test
    void optedInWithoutEndpointStaysOffAndSaysWhy() {
        JsonObject disabled = NO_ENDPOINT.log().await(line -> event(line, "tracing_disabled"));
        assertTrue(text(disabled, "reason").contains("OTEL_EXPORTER_OTLP_ENDPOINT"), disabled.toString());
        assertEquals(200, Http.get(noEndpointUrl, "/api/tournaments/5/", "X-Request-ID", "no-endpoint")
                .statusCode());
        assertEquals(null, NO_ENDPOINT.log().completed("no-endpoint").get("trace_id"));
    }

    @Test
    void anInvalidRatioIsReportedOnceAndATenthOfTheTracesIsKept() throws Exception {
        ServerLog.await("TCDI0001W", "'lots'", "otel.traces.sampler.arg");
        JsonObject enabled = BAD_RATIO.log().await(line -> event(line, "tracing_enabled"));
        assertEquals(0.1, enabled.getJsonNumber("otel.traces.sampler.arg").doubleValue());
        for (int i = 0; i < RATIO_REQUESTS; i++) {
            Http.get(badRatioUrl, "/api/ping", "X-Request-ID", "ratio-" + i);
        }
        BAD_RATIO.log().completed("ratio-" + (RATIO_REQUESTS - 1));
        Thread.sleep(1_500);
        long sampled = OTLP.spans().stream()
                .filter(span -> String.valueOf(span.attributes().get("request.id")).startsWith("ratio-")).count();
        // binomial(300, 0.1): mean 30, standard deviation 5.2; the SDK's fallback would keep all 300
        assertTrue(sampled >= 10 && sampled <= 60, "sampled " + sampled + " of " + RATIO_REQUESTS);
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
