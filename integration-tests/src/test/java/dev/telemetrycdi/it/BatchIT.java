package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Jakarta Batch on Open Liberty: the sample's {@code POST /api/leagues/{id}/standings/recompute} starts the
 * {@code recompute-standings} job with {@code TelemetryJobs.parameters}; its job XML names the module's two
 * listeners. Every line of the job carries the request's {@code request.id} (and {@code user.id}) with
 * {@code job.name} and the {@code job.execution.id} of the 202 answer; a failing step gives exactly one
 * {@code step_failed} (with the exception) and one {@code job_failed}, and the job operator says FAILED; the job run
 * next carries only its own context.
 */
@ExtendWith(ArquillianExtension.class)
class BatchIT {
    private static final SampleApp APP = SampleApp.named("batch");
    private static final String JOB = "recompute-standings";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void everyLineOfTheJobCarriesTheRequestThatStartedIt() {
        long execution = start(3, "batch-ok-1", "Authorization", Http.basic("alice", "alicepw"));
        List<JsonObject> lines = jobLines(execution, "job_completed");
        assertEquals(List.of("job_started", "step_started", "standings_recomputed", "step_completed", "job_completed"),
                lines.stream().map(line -> text(line, "event")).toList());
        for (JsonObject line : lines) {
            assertEquals("batch-ok-1", text(line, "request.id"), line.toString());
            assertEquals("alice", text(line, "user.id"), line.toString());
            assertEquals(JOB, text(line, "job.name"), line.toString());
            assertEquals(execution, number(line, "job.execution.id"), line.toString());
            assertTrue(line.containsKey("job.instance.id"), line.toString());
            assertNull(line.get("labels"), "nothing of the request but its ids: " + line);
        }
        for (JsonObject line : lines.subList(1, 4)) {
            assertEquals("recompute", text(line, "step.name"), line.toString());
            assertTrue(line.containsKey("step.execution.id"), line.toString());
        }
        assertNull(lines.get(0).get("step.name"));
        assertNull(lines.get(4).get("step.name"), "the step's fields end with the step");

        JsonObject recomputed = lines.get(2);
        assertEquals("dev.dtx.sample.standings.RecomputeStandingsBatchlet", text(recomputed, "logger"));
        assertEquals(3, number(recomputed, "league.id"));
        assertEquals("Winter League", text(recomputed, "league.name"));

        JsonObject stepCompleted = lines.get(3);
        assertEquals("info", text(stepCompleted, "level"));
        assertEquals("COMPLETED", text(stepCompleted, "batch.status"));
        assertEquals("RECOMPUTED", text(stepCompleted, "batch.exit_status"));
        assertTrue(stepCompleted.getJsonNumber("duration_ms").doubleValue() >= 0.0);
        JsonObject jobCompleted = lines.get(4);
        assertEquals("info", text(jobCompleted, "level"));
        assertEquals("dev.telemetrycdi.batch", text(jobCompleted, "logger"));
        assertEquals("COMPLETED", text(jobCompleted, "batch.status"));
        if (Server.isLiberty()) {
            assertNull(jobCompleted.get("batch.exit_status"), "not set by the job: Liberty defaults it afterwards");
        } else {
            assertEquals("COMPLETED", text(jobCompleted, "batch.exit_status"), "JBeret sets it before afterJob");
        }
        assertTrue(jobCompleted.getJsonNumber("duration_ms").doubleValue()
                >= stepCompleted.getJsonNumber("duration_ms").doubleValue(), jobCompleted.toString());

        assertEquals("COMPLETED", awaitStatus(execution, "COMPLETED"));
        assertEquals(202, number(APP.log().completed("batch-ok-1"), "http.response.status_code"));
    }

    @Test
    void aFailingJobIsLoggedOnceAsFailedAndTheNextJobCarriesOnlyItsOwnContext() {
        long failing = start(99, "batch-fail-1");
        List<JsonObject> lines = jobLines(failing, "job_failed");
        assertEquals(List.of("job_started", "step_started", "step_failed", "job_failed"),
                lines.stream().map(line -> text(line, "event")).toList());
        JsonObject stepFailed = lines.get(2);
        assertEquals("error", text(stepFailed, "level"));
        assertEquals("batch-fail-1", text(stepFailed, "request.id"));
        assertEquals("recompute", text(stepFailed, "step.name"));
        assertEquals("FAILED", text(stepFailed, "batch.status"));
        assertEquals("java.lang.IllegalArgumentException", text(stepFailed, "exception.type"));
        assertEquals("no league 99 to recompute", text(stepFailed, "exception.message"));
        assertTrue(text(stepFailed, "exception.stacktrace").contains("RecomputeStandingsBatchlet.process"),
                stepFailed.toString());
        JsonObject jobFailed = lines.get(3);
        assertEquals("error", text(jobFailed, "level"));
        assertEquals("FAILED", text(jobFailed, "batch.status"));
        assertEquals("batch-fail-1", text(jobFailed, "request.id"));
        assertFalse(jobFailed.containsKey("step.name"));
        assertEquals("FAILED", awaitStatus(failing, "FAILED"));

        long next = start(4, "batch-next-1");
        List<JsonObject> nextLines = jobLines(next, "job_completed");
        assertEquals(5, nextLines.size(), nextLines.toString());
        for (JsonObject line : nextLines) {
            assertEquals("batch-next-1", text(line, "request.id"), line.toString());
            assertNull(line.get("user.id"), "an anonymous request has no user: " + line);
        }
        assertEquals(Set.of("timestamp", "level", "event", "logger", "request.id", "job.name", "job.instance.id",
                "job.execution.id"), nextLines.get(0).keySet(), "job_started carries the job's context only");
        assertEquals(4, number(nextLines.get(2), "league.id"));
        for (JsonObject line : APP.log().lines()) {
            if ("batch-fail-1".equals(text(line, "request.id"))) {
                assertTrue(event(line, "request_completed") || number(line, "job.execution.id") == failing,
                        "the failed job's request only on its own lines: " + line);
            }
        }
        assertEquals("COMPLETED", awaitStatus(next, "COMPLETED"));
    }

    /** Starts the job for {@code league}; returns the execution id of the 202 answer. */
    private long start(long league, String requestId, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Request-ID";
        all[1] = requestId;
        System.arraycopy(headers, 0, all, 2, headers.length);
        HttpResponse<String> response = Http.send(base, "POST", "/api/leagues/" + league + "/standings/recompute",
                all);
        assertEquals(202, response.statusCode(), response.body());
        return number(LogFile.parse(response.body()), "executionId");
    }

    /** Waits for the execution's closing line, then returns every line of that execution in order. */
    private List<JsonObject> jobLines(long execution, String closing) {
        APP.log().await(line -> event(line, closing) && line.containsKey("job.execution.id")
                && number(line, "job.execution.id") == execution);
        return APP.log().lines().stream()
                .filter(line -> line.containsKey("job.execution.id") && number(line, "job.execution.id") == execution)
                .toList();
    }

    private String status(long execution) {
        HttpResponse<String> response = Http.get(base, "/api/leagues/3/standings/recompute/" + execution);
        assertEquals(200, response.statusCode(), response.body());
        return text(LogFile.parse(response.body()), "batchStatus");
    }

    /** The job operator's status once it is {@code expected} (the listener's line comes just before the end). */
    private String awaitStatus(long execution, String expected) {
        long deadline = System.currentTimeMillis() + 15_000;
        String status = status(execution);
        while (!expected.equals(status) && System.currentTimeMillis() < deadline) {
            LogFile.sleep();
            status = status(execution);
        }
        if (!expected.equals(status)) {
            fail("execution " + execution + " is " + status + ", expected " + expected);
        }
        return status;
    }
}
