package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The guide-style task application traced by the server's MicroProfile Telemetry, exporting to a real OTLP
 * receiver: a task on the server's default executor ({@code @Resource}, decorated by the module), a dependent
 * {@code thenApplyAsync} stage and a Concurrency {@code @Asynchronous} run each have an internal span named after
 * the task, a child of the request's server span, and the work's own line carries that span's ids.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignTasksTracingIT {
    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    private static final ForeignApp APP = ForeignApp.tasks("foreign-tasks-traced").tracedTo(OTLP.endpoint());

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

    @ParameterizedTest
    @CsvSource({"executor,ReportResource", "future,CompletableFuture.UniApply", "asynchronous,Reports.buildLater",
            "scheduled,ReportResource"})
    void aTasksSpanIsAChildOfTheRequestsServerSpan(String kind, String taskName) {
        String trace = hex(32);
        String token = "traced-" + kind;
        HttpResponse<String> response = Http.send(base, "POST", "/api/reports/" + kind + "?token=" + token,
                "X-Request-ID", "traced-" + kind, "traceparent", "00-" + trace + "-" + hex(16) + "-01");
        assertEquals(200, response.statusCode(), response.body());
        OtlpReceiver.ReceivedSpan server = OTLP.await(span -> trace.equals(span.traceId())
                && "SPAN_KIND_SERVER".equals(span.kind()));
        OtlpReceiver.ReceivedSpan task = OTLP.await(span -> trace.equals(span.traceId())
                && "SPAN_KIND_INTERNAL".equals(span.kind()) && taskName.equals(span.name()));
        assertEquals(server.spanId(), task.parentSpanId(), "the task's span is a child of the request's: " + task);
        JsonObject line = APP.log().await(l -> ("report built " + token).equals(text(l, "event")));
        assertEquals("traced-" + kind, text(line, "request.id"), line.toString());
        assertEquals(trace, text(line, "trace_id"), line.toString());
        assertEquals(task.spanId(), text(line, "span_id"), "the work's line is in the task's span: " + line);
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return hex.toString();
    }
}
