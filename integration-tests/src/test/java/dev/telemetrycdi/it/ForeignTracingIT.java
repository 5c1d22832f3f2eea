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
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The applications that are not the sample, traced by the server's MicroProfile Telemetry and exporting to a real
 * OTLP receiver: every kind of request carries the trace id of the server span the server exported for it, and
 * only that one. Each request starts a trace of its own ({@code traceparent} sent by the test), so the span and the
 * line are tied by the trace id alone.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignTracingIT {
    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    private static final ForeignApp WEB = ForeignApp.web("foreign-web-traced").tracedTo(OTLP.endpoint());
    private static final ForeignApp REST = ForeignApp.rest("foreign-rest-traced").tracedTo(OTLP.endpoint());
    private static final ForeignApp MODULE_OFF = ForeignApp.rest("foreign-rest-module-off").tracedTo(OTLP.endpoint())
            .with("telemetry.enabled", "false");

    @ArquillianResource
    @OperateOnDeployment("web")
    URL web;

    @ArquillianResource
    @OperateOnDeployment("rest")
    URL rest;

    @Deployment(name = "web", testable = false, order = 1)
    static WebArchive web() {
        return WEB.war();
    }

    @Deployment(name = "rest", testable = false, order = 2)
    static WebArchive rest() {
        return REST.war();
    }

    @ArquillianResource
    @OperateOnDeployment("module-off")
    URL moduleOff;

    @Deployment(name = "module-off", testable = false, order = 3)
    static WebArchive moduleOff() {
        return MODULE_OFF.war();
    }

    /**
     * {@code TELEMETRY_ENABLED=false} switches off everything the module does, its tracing opt-in included: with
     * {@code OTEL_ENABLED} and an endpoint set, no span of that deployment reaches the receiver, while a request to
     * the traced deployment in the same window does.
     */
    @Test
    void theModuleSwitchedOffExportsNothingEvenWhenOptedIn() throws Exception {
        MODULE_OFF.log().await(line -> "telemetry_disabled".equals(text(line, "event")));
        String offTrace = UUID.randomUUID().toString().replace("-", "");
        String onTrace = UUID.randomUUID().toString().replace("-", "");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get(moduleOff, "/api/items/" + i, "traceparent",
                    "00-" + offTrace + "-00f067aa0ba902b" + i + "-01").statusCode());
        }
        assertEquals(200, Http.get(rest, "/api/items/9", "traceparent", "00-" + onTrace + "-00f067aa0ba902b7-01")
                .statusCode());
        OTLP.await(span -> onTrace.equals(span.traceId())); // the receiver and the export path work meanwhile
        Thread.sleep(1_000); // several export intervals (otel.bsp.schedule.delay=100ms)
        assertTrue(OTLP.spans().stream().noneMatch(span -> offTrace.equals(span.traceId())
                || "foreign-rest-module-off".equals(span.resource().get("service.name"))),
                "no span of the switched-off module");
    }

    @AfterAll
    static void stopReceiver() {
        OTLP.stop();
    }

    @Test
    void everyKindOfRequestCarriesTheTraceOfItsServerSpan() throws Exception {
        Map<String, Request> requests = new LinkedHashMap<>();
        // Open Liberty traces every request that runs the application's filters, WildFly only Jakarta REST requests;
        // neither traces a request its security refuses. Liberty's span of a request the container answers with
        // 404 is current while the request runs but never ended, so never exported: the line carries its ids.
        boolean liberty = Server.isLiberty();
        Trace servlet = liberty ? Trace.EXPORTED : Trace.NONE;
        requests.put("traced-servlet", new Request(WEB, web, "/hello", servlet));
        requests.put("traced-static", new Request(WEB, web, "/index.html", servlet));
        requests.put("traced-faces", new Request(WEB, web, "/hello.jsf", servlet));
        requests.put("traced-404", new Request(WEB, web, "/missing.html", liberty ? Trace.UNEXPORTED : Trace.NONE));
        requests.put("traced-challenge", new Request(WEB, web, "/admin/", Trace.NONE));
        requests.put("traced-resource", new Request(REST, rest, "/api/items/7", Trace.EXPORTED));
        requests.put("traced-refused", new Request(REST, rest, "/api/account", Trace.NONE));
        requests.put("traced-upgrade", new Request(WEB, web, "/chat", servlet));
        Map<String, String> traces = new LinkedHashMap<>();
        for (Map.Entry<String, Request> entry : requests.entrySet()) {
            String trace = hex(32);
            traces.put(entry.getKey(), trace);
            Request request = entry.getValue();
            String traceparent = "00-" + trace + "-" + hex(16) + "-01";
            if (request.path.equals("/chat")) {
                Http.RawResponse upgrade = Http.upgrade(request.base, request.path, entry.getKey(),
                        Map.of("traceparent", traceparent));
                assertEquals(101, upgrade.status());
                Lines.completed(request.app.log(), entry.getKey(), upgrade.status(), upgrade.header("X-Request-ID"));
                continue;
            }
            HttpResponse<String> response = Http.get(request.base, request.path, "X-Request-ID", entry.getKey(),
                    "traceparent", traceparent);
            Lines.completed(request.app.log(), entry.getKey(), response);
        }
        for (Map.Entry<String, Request> entry : requests.entrySet()) {
            String trace = traces.get(entry.getKey());
            if (entry.getValue().trace == Trace.EXPORTED) {
                OtlpReceiver.ReceivedSpan span = OTLP.await(each -> trace.equals(each.traceId())
                        && "SPAN_KIND_SERVER".equals(each.kind()));
                JsonObject completed = entry.getValue().app.log().completed(entry.getKey());
                assertEquals(trace, text(completed, "trace_id"), entry.getKey() + ": " + completed);
                assertEquals(span.spanId(), text(completed, "span_id"), entry.getKey() + ": " + completed);
            }
        }
        Thread.sleep(1_000); // several export intervals: a span that was not awaited above has had time to arrive
        for (Map.Entry<String, Request> entry : requests.entrySet()) {
            String trace = traces.get(entry.getKey());
            List<OtlpReceiver.ReceivedSpan> spans = OTLP.spans().stream()
                    .filter(span -> trace.equals(span.traceId()) && "SPAN_KIND_SERVER".equals(span.kind())).toList();
            JsonObject completed = entry.getValue().app.log().completed(entry.getKey());
            switch (entry.getValue().trace) {
                case EXPORTED -> assertEquals(1, spans.size(), entry.getKey() + ": one server span");
                case UNEXPORTED -> {
                    assertEquals(List.of(), spans, entry.getKey());
                    assertEquals(trace, text(completed, "trace_id"), entry.getKey() + ": " + completed);
                }
                case NONE -> {
                    assertEquals(List.of(), spans, entry.getKey());
                    assertNull(completed.get("trace_id"), "no span, no trace id: " + completed);
                }
            }
        }
    }

    /** What the server does with a request's trace, and so what its line carries. */
    private enum Trace {
        /** A server span is exported; the line carries its trace and span id. */
        EXPORTED,
        /** A server span is current but never exported; the line carries its ids (the caller's trace). */
        UNEXPORTED,
        /** No server span; no trace id on the line. */
        NONE
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(random.nextInt(i == 0 ? 15 : 16) + (i == 0 ? 1 : 0), 16));
        }
        return hex.toString();
    }

    private record Request(ForeignApp app, URL base, String path, Trace trace) {
    }
}
