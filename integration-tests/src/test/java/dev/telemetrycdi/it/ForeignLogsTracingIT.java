package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The application with its own Logback and Log4j 2, traced by the server's MicroProfile Telemetry exporting to a real
 * OTLP receiver: the MDC / ThreadContext of a record written in a JAX-RS resource holds the request's server span
 * ({@code trace_id}, {@code span_id}, as the module's {@code request_completed} line), and that of a record written
 * in a task on the server's default executor holds the task's own span, a child of the request's.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignLogsTracingIT {
    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    private static final ForeignApp APP = ForeignApp.logs("foreign-logs-traced").tracedTo(OTLP.endpoint());

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
    void theApplicationsOwnRecordsCarryTheSpansTheyWereWrittenIn() {
        String trace = hex(32);
        HttpResponse<String> response = Http.get(base, "/api/tracking/31", "X-Request-ID", "logs-traced-31",
                "traceparent", "00-" + trace + "-" + hex(16) + "-01");
        assertEquals(200, response.statusCode(), response.body());
        OtlpReceiver.ReceivedSpan server = OTLP.await(span -> trace.equals(span.traceId())
                && "SPAN_KIND_SERVER".equals(span.kind()));
        OtlpReceiver.ReceivedSpan task = OTLP.await(span -> trace.equals(span.traceId())
                && "SPAN_KIND_INTERNAL".equals(span.kind()));
        assertEquals(server.spanId(), task.parentSpanId(), task.toString());
        JsonObject completed = APP.log().completed("logs-traced-31");
        assertEquals(trace, text(completed, "trace_id"), completed.toString());

        JsonObject requested = mdc(APP.ownLog("logback.xml").await(line -> "Tracking {} requested".equals(
                text(line, "message")) && "logs-traced-31".equals(text(mdc(line), "request.id"))));
        assertEquals(trace, text(requested, "trace_id"), requested.toString());
        assertEquals(text(completed, "span_id"), text(requested, "span_id"), requested.toString());
        assertEquals("tracking", text(requested, "labels"), requested.toString());

        JsonObject packed = mdc(APP.ownLog("log4j2.xml").await(line -> "Parcel 31 packed".equals(
                text(line, "message"))));
        assertEquals("logs-traced-31", text(packed, "request.id"), packed.toString());
        assertEquals(trace, text(packed, "trace_id"), packed.toString());
        assertEquals(task.spanId(), text(packed, "span_id"), "the task's record is in the task's span: " + packed);
    }

    private static JsonObject mdc(JsonObject line) {
        return line.get("mdc") instanceof JsonObject ? line.getJsonObject("mdc") : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return hex.toString();
    }
}
