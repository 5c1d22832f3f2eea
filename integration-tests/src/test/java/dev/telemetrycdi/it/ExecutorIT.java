package dev.telemetrycdi.it;

import dev.telemetrycdi.it.probe.AsyncProbe;
import dev.telemetrycdi.it.probe.ExecutorProbe;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Background tasks on Open Liberty: the sample's {@code process_match_stats} task through the injected
 * {@code @WithTelemetry} executor, every entry point of a wrapped one-thread executor (a probe resource added to the
 * sample WAR), {@code @Asynchronous} methods, failures logged once, nothing left on the worker thread, and with
 * tracing on, the task's span a child of the request's.
 */
@ExtendWith(ArquillianExtension.class)
class ExecutorIT {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    private static final SampleApp APP = SampleApp.named("executor");
    private static final SampleApp TRACED = SampleApp.named("executor-traced")
            .tracedTo(OTLP.endpoint());

    @ArquillianResource
    @OperateOnDeployment("plain")
    URL base;

    @ArquillianResource
    @OperateOnDeployment("traced")
    URL tracedUrl;

    @Deployment(name = "plain", testable = false, order = 1)
    static WebArchive deployment() {
        return APP.war().addClasses(ExecutorProbe.class, AsyncProbe.class);
    }

    @Deployment(name = "traced", testable = false, order = 2)
    static WebArchive traced() {
        return TRACED.war();
    }

    @AfterAll
    static void stopReceiver() {
        OTLP.stop();
    }

    @Test
    void theSamplesTaskCarriesTheRequestsIdAndItsOwnTaskFields() {
        HttpResponse<String> response = Http.send(base, "POST", "/api/matches/7/stats", "X-Request-ID", "exec-stats");
        assertEquals(202, response.statusCode());
        List<JsonObject> task = taskLines("exec-stats");
        assertEquals(List.of("task_started", "processing_match", "match_stats_processed", "task_completed"),
                task.stream().map(line -> text(line, "event")).toList());
        String taskId = text(task.get(0), "task.id");
        assertTrue(taskId.matches(UUID), taskId);
        for (JsonObject line : task) {
            assertEquals("exec-stats", text(line, "request.id"), line.toString());
            assertEquals(taskId, text(line, "task.id"), line.toString());
            assertEquals("process_match_stats", text(line, "task.name"), line.toString());
            assertEquals(List.of("match"), line.getJsonArray("labels").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList(), "the request's labels");
        }
        assertEquals(7, LogFile.number(task.get(1), "match.id"));
        assertTrue(task.get(3).getJsonNumber("duration_ms").doubleValue() >= 0);
        assertEquals("info", text(task.get(3), "level"));
        assertNull(APP.log().completed("exec-stats").get("task.id"), "the request's own line has no task fields");
    }

    @Test
    void aFailingTaskIsLoggedOnceWithItsException() throws Exception {
        assertEquals(202, Http.send(base, "POST", "/api/matches/7/stats?fail=true", "X-Request-ID", "exec-fail")
                .statusCode());
        APP.log().await(line -> event(line, "task_failed") && "exec-fail".equals(text(line, "request.id")));
        settle();
        List<JsonObject> lines = APP.log().request("exec-fail");
        List<JsonObject> failed = lines.stream().filter(line -> event(line, "task_failed")).toList();
        assertEquals(1, failed.size(), lines.toString());
        JsonObject line = failed.get(0);
        assertEquals("error", text(line, "level"));
        assertEquals("process_match_stats", text(line, "task.name"));
        assertEquals("java.lang.IllegalStateException", text(line, "exception.type"));
        assertTrue(text(line, "exception.stacktrace").contains("MatchStatsProcessor.process"), line.toString());
        assertTrue(lines.stream().noneMatch(each -> event(each, "task_completed")), lines.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"execute", "submit-runnable", "submit-runnable-result", "submit-callable", "invokeAll",
            "invokeAll-timeout", "invokeAny", "invokeAny-timeout", "schedule-runnable", "schedule-callable",
            "schedule-trigger-runnable", "schedule-trigger-callable", "fixed-rate", "fixed-delay", "runAsync",
            "supplyAsync", "double", "asynchronous"})
    void everyEntryPointRunsTheTaskInTheRequestsContextAndLeavesNothingOnTheWorker(String entry) {
        String id = "exec-" + entry;
        JsonObject answer = probe(entry, id);
        assertEquals(0, answer.getJsonObject("plainContext").size(), "a plain task after it sees nothing: " + answer);
        if (!entry.equals("supplyAsync") && !entry.startsWith("asynchronous")) {
            // the task's ManagedTaskListener, kept by the wrapper, runs right after the task on the thread that ran it:
            // a worker, which keeps nothing, or (Liberty runs some invokeAll / invokeAny tasks inline, and a periodic
            // task is done when the request cancels it) the request's thread, which has the request's context again
            JsonObject done = answer.getJsonObject("doneContext");
            if (text(answer, "doneThread").equals(text(answer, "requestThread"))) {
                // the request's own context: its id and the labels of its route /api/probe/executor/{entry}
                assertEquals(Set.of("request.id", "labels", "executor.id"), done.keySet(),
                        "only the request's own context: " + answer);
                assertEquals(id, text(done, "request.id"), answer.toString());
                assertEquals(entry, text(done, "executor.id"), answer.toString());
            } else {
                assertEquals(text(answer, "taskThread"), text(answer, "doneThread"), answer.toString());
                assertEquals(0, done.size(), "the worker thread keeps nothing: " + answer);
            }
        }
        List<JsonObject> task = taskLines(id);
        String expectedName = switch (entry) {
            case "supplyAsync" -> "ExecutorProbe";
            case "asynchronous" -> "AsyncProbe.recompute";
            default -> ExecutorProbe.TASK;
        };
        String ran = entry.equals("asynchronous") ? "probe_async" : "probe_task_ran";
        assertEquals(List.of("task_started", ran, "task_completed"),
                task.stream().map(line -> text(line, "event")).toList(), "one task, wrapped once: " + task);
        Set<String> taskIds = task.stream().map(line -> text(line, "task.id")).collect(Collectors.toSet());
        assertEquals(1, taskIds.size(), task.toString());
        for (JsonObject line : task) {
            assertEquals(id, text(line, "request.id"), line.toString());
            assertEquals(expectedName, text(line, "task.name"), line.toString());
        }
    }

    @Test
    void failingTasksAndAsynchronousMethodsAreLoggedOnce() throws Exception {
        probe("failing", "exec-probe-fail");
        probe("asynchronous-failing", "exec-async-fail");
        settle();
        for (String id : List.of("exec-probe-fail", "exec-async-fail")) {
            List<JsonObject> lines = APP.log().request(id);
            List<JsonObject> failed = lines.stream().filter(line -> event(line, "task_failed")).toList();
            assertEquals(1, failed.size(), lines.toString());
            assertEquals("java.lang.IllegalStateException", text(failed.get(0), "exception.type"));
            assertNotNull(text(failed.get(0), "exception.stacktrace"));
            assertTrue(lines.stream().noneMatch(line -> event(line, "task_completed")), lines.toString());
            assertTrue(lines.stream().anyMatch(line -> event(line, "probe_task_failure_seen")),
                    "the caller's future failed: " + lines);
        }
        assertEquals("AsyncProbe.recompute", text(APP.log().request("exec-async-fail").stream()
                .filter(line -> event(line, "task_failed")).findFirst().orElseThrow(), "task.name"));
    }

    @Test
    void withTracingTheTaskSpanIsAChildOfTheRequestsSpanAndItsLinesCarryIt() {
        assertEquals(202, Http.send(tracedUrl, "POST", "/api/matches/7/stats", "X-Request-ID", "exec-traced")
                .statusCode());
        OtlpReceiver.ReceivedSpan server = OTLP.await(span -> "exec-traced".equals(span.attributes().get("request.id"))
                && "SPAN_KIND_SERVER".equals(span.kind()));
        OtlpReceiver.ReceivedSpan task = OTLP.await(span -> "process_match_stats".equals(span.name())
                && server.traceId().equals(span.traceId()));
        assertEquals("SPAN_KIND_INTERNAL", task.kind());
        assertEquals(server.spanId(), task.parentSpanId());
        assertEquals("exec-traced", task.attributes().get("request.id"));
        List<JsonObject> lines = TRACED.log().request("exec-traced").stream()
                .filter(line -> line.containsKey("task.id")).toList();
        assertEquals(4, lines.size(), lines.toString());
        for (JsonObject line : lines) {
            assertEquals(task.traceId(), text(line, "trace_id"), line.toString());
            assertEquals(task.spanId(), text(line, "span_id"), line.toString());
        }
    }

    private JsonObject probe(String entry, String requestId) {
        HttpResponse<String> response = Http.send(base, "POST", "/api/probe/executor/" + entry,
                "X-Request-ID", requestId);
        assertEquals(200, response.statusCode(), response.body());
        return LogFile.parse(response.body());
    }

    /** The lines of {@code requestId} written by its task, once the task's last line is there. */
    private static List<JsonObject> taskLines(String requestId) {
        APP.log().await(line -> (event(line, "task_completed") || event(line, "task_failed"))
                && requestId.equals(text(line, "request.id")));
        return APP.log().request(requestId).stream().filter(line -> line.containsKey("task.id")).toList();
    }

    /** Gives a second, wrong line the time to appear. */
    private static void settle() throws InterruptedException {
        Thread.sleep(500);
    }
}
