package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outbound HTTP on Open Liberty: the sample's {@code GET /api/matches/{id}/stats} calls a Steam-like stub through
 * the JAX-RS client with {@code TelemetryClientFilter}. The stub receives the request's {@code X-Request-ID}; each
 * call gives exactly one {@code http_client_request} line in the request's context; a failing API and a refused
 * connection give a warning line and a 502, and the application goes on serving; with tracing opted in, the stub
 * receives a {@code traceparent} of the server span's trace.
 */
@ExtendWith(ArquillianExtension.class)
class OutboundIT {
    private static final SteamStub STEAM = SteamStub.start();
    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    private static final int CLOSED_PORT = SteamStub.closedPort();
    private static final SampleApp APP = SampleApp.named("outbound").with("dtx.steam.url", STEAM.url());
    private static final SampleApp REFUSED = SampleApp.named("outbound-refused")
            .with("dtx.steam.url", "http://127.0.0.1:" + CLOSED_PORT);
    private static final SampleApp TRACED = SampleApp.named("outbound-traced")
            .with("dtx.steam.url", STEAM.url())
            .tracedTo(OTLP.endpoint());

    @ArquillianResource
    @OperateOnDeployment("outbound")
    URL base;

    @ArquillianResource
    @OperateOnDeployment("refused")
    URL refusedUrl;

    @ArquillianResource
    @OperateOnDeployment("traced")
    URL tracedUrl;

    @Deployment(name = "outbound", testable = false, order = 1)
    static WebArchive deployment() {
        return APP.war();
    }

    @Deployment(name = "refused", testable = false, order = 2)
    static WebArchive refused() {
        return REFUSED.war();
    }

    @Deployment(name = "traced", testable = false, order = 3)
    static WebArchive traced() {
        return TRACED.war();
    }

    @AfterAll
    static void stopServers() {
        STEAM.stop();
        OTLP.stop();
    }

    @Test
    void theCallCarriesTheRequestIdAndGivesOneLineInTheRequestsContext() {
        HttpResponse<String> response = Http.get(base, "/api/matches/7/stats", "X-Request-ID", "out-1");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"radiant_win\":true"), response.body());

        List<SteamStub.Received> received = STEAM.withRequestId("out-1");
        assertEquals(1, received.size());
        assertEquals("/IDOTA2Match_570/GetMatchDetails/v1/", received.get(0).path());
        assertEquals("match_id=7", received.get(0).query());

        JsonObject line = clientLine(APP, "out-1");
        assertEquals("info", text(line, "level"));
        assertEquals("dev.telemetrycdi.client", text(line, "logger"));
        assertEquals("GET", text(line, "http.request.method"));
        assertEquals("127.0.0.1", text(line, "server.address"));
        assertEquals(STEAM.port(), number(line, "server.port"));
        assertEquals("/IDOTA2Match_570/GetMatchDetails/v1/", text(line, "url.path"));
        assertEquals(200, number(line, "http.response.status_code"));
        assertTrue(line.getJsonNumber("duration_ms").doubleValue() >= 0.0, line.toString());
        assertFalse(line.containsKey("error.type"));
        assertFalse(line.toString().contains("match_id"), "the query is not written: " + line);
        // the request's context: id and labels of the route /api/matches/{id}/stats
        assertEquals("out-1", text(line, "request.id"));
        assertEquals(List.of("match"), line.getJsonArray("labels").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals(7, number(line, "match.id"));
    }

    @Test
    void aGeneratedRequestIdIsForwardedToo() {
        HttpResponse<String> response = Http.get(base, "/api/matches/9/stats");
        assertEquals(200, response.statusCode(), response.body());
        String id = response.headers().firstValue("X-Request-ID").orElseThrow();
        assertEquals(1, STEAM.withRequestId(id).size(), "the stub got the generated id " + id);
        assertEquals(9, number(clientLine(APP, id), "match.id"));
    }

    @Test
    void eachCallIsOneLine() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get(base, "/api/matches/7/stats", "X-Request-ID", "out-many-" + i).statusCode());
        }
        for (int i = 0; i < 3; i++) {
            clientLine(APP, "out-many-" + i);
        }
        long lines = APP.log().lines().stream().filter(line -> event(line, "http_client_request")
                && text(line, "request.id").startsWith("out-many-")).count();
        assertEquals(3, lines);
    }

    @Test
    void aServerErrorOfTheApiIsAWarningAndTheSampleAnswers502() {
        HttpResponse<String> response = Http.get(base, "/api/matches/" + SteamStub.FAILING_MATCH + "/stats",
                "X-Request-ID", "out-500");
        assertEquals(502, response.statusCode());
        assertEquals("steam_unavailable", text(LogFile.parse(response.body()), "error"));

        JsonObject line = clientLine(APP, "out-500");
        assertEquals("warning", text(line, "level"));
        assertEquals(500, number(line, "http.response.status_code"));
        assertFalse(line.containsKey("error.type"));
        assertEquals(502, number(APP.log().completed("out-500"), "http.response.status_code"));
        assertTrue(APP.log().request("out-500").stream().noneMatch(each -> event(each, "request_failed")));
    }

    @Test
    void aRefusedConnectionIsOneLineWithErrorTypeAndTheSampleGoesOnServing() {
        HttpResponse<String> response = Http.get(refusedUrl, "/api/matches/7/stats", "X-Request-ID", "out-refused");
        assertEquals(502, response.statusCode());
        assertEquals("steam_unavailable", text(LogFile.parse(response.body()), "error"));

        JsonObject line = clientLine(REFUSED, "out-refused");
        assertEquals("warning", text(line, "level"));
        // the client library's exception: on Liberty, Apache HttpClient's HttpHostConnectException, a
        // java.net.ConnectException
        assertTrue(text(line, "error.type").endsWith(".HttpHostConnectException")
                || text(line, "error.type").equals("java.net.ConnectException"), line.toString());
        assertFalse(line.containsKey("http.response.status_code"));
        assertEquals("127.0.0.1", text(line, "server.address"));
        assertEquals(CLOSED_PORT, number(line, "server.port"));
        assertNotNull(line.getJsonNumber("duration_ms"));
        assertEquals(7, number(line, "match.id"));
        assertTrue(REFUSED.log().request("out-refused").stream().noneMatch(each -> event(each, "request_failed")),
                "no exception escaped");

        assertEquals(200, Http.get(refusedUrl, "/api/ping", "X-Request-ID", "after-refused").statusCode());
        REFUSED.log().completed("after-refused");
    }

    @Test
    void withTracingTheApiReceivesTheServerSpansTrace() {
        assertEquals(200, Http.get(tracedUrl, "/api/matches/7/stats", "X-Request-ID", "out-traced").statusCode());
        OtlpReceiver.ReceivedSpan server = OTLP.await(span -> "out-traced".equals(span.attributes().get("request.id")));
        List<SteamStub.Received> received = STEAM.withRequestId("out-traced");
        assertEquals(1, received.size());
        String traceparent = received.get(0).headers().getFirst("traceparent");
        assertNotNull(traceparent, "the runtime propagates the trace through the JAX-RS client");
        String[] parts = traceparent.split("-");
        assertEquals(server.traceId(), parts[1]);

        JsonObject line = clientLine(TRACED, "out-traced");
        assertEquals(server.traceId(), text(line, "trace_id"));
        OtlpReceiver.ReceivedSpan client = OTLP.await(span -> parts[2].equals(span.spanId()));
        assertEquals("SPAN_KIND_CLIENT", client.kind());
        assertEquals(server.spanId(), client.parentSpanId());
    }

    /** The one {@code http_client_request} line of the request {@code requestId} (fails if there are two). */
    private static JsonObject clientLine(SampleApp app, String requestId) {
        List<JsonObject> lines = app.log().request(requestId).stream()
                .filter(line -> event(line, "http_client_request")).toList();
        assertEquals(1, lines.size(), "one http_client_request line for " + requestId + ": " + lines);
        return lines.get(0);
    }
}
