package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.cdi.Capabilities;
import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.logging.LogEvent;
import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchListenersTest {
    private static final Fields STALE = Fields.of("request.id", "stale-request", "job.name", "earlier-job");

    private static final Running ON = Running.on(null, Capabilities.ALL, SpanAccess.NONE);
    private Running running = ON;
    private final FakeJobContext job = new FakeJobContext("recompute-standings", 41);
    private final FakeStepContext step = new FakeStepContext("recompute", 77);
    private Properties parameters = parameters("request.id", "req-1", "user.id", "alice", "league.id", "3");
    private final LongFunction<Properties> source = id -> id == 41 ? parameters : null;
    private CapturedLines lines;

    @BeforeEach
    void capture() {
        lines = new CapturedLines(LogLevel.DEBUG).activate();
    }

    @AfterEach
    void release() {
        lines.close();
        assertTrue(ContextStorage.current().isEmpty(), "the test thread is clean: " + ContextStorage.current());
    }

    @Test
    void aJobReplacesTheThreadsContextAndRestoresIt() {
        TelemetryJobListener listener = jobListener();
        try (ContextStorage.Scope stale = ContextStorage.attach(STALE)) {
            listener.beforeJob();
            assertEquals(Map.of("job.name", "recompute-standings", "job.instance.id", 1041L, "job.execution.id", 41L,
                    "request.id", "req-1", "user.id", "alice"), ContextStorage.current().toMap());
            job.status = BatchStatus.STARTED; // what an after-listener of a job that ends normally sees
            listener.afterJob();
            assertSame(STALE, ContextStorage.current());
        }
        assertEquals(List.of("job_started", "job_completed"), events());
        LogEvent started = lines.events.get(0);
        assertEquals("dev.telemetrycdi.batch", started.logger());
        assertEquals("req-1", started.context().get("request.id"));
        LogEvent completed = lines.events.get(1);
        assertEquals(LogLevel.INFO, completed.level());
        assertEquals("req-1", completed.context().get("request.id"));
        assertEquals("COMPLETED", completed.fields().get("batch.status"));
        assertNull(completed.fields().get("batch.exit_status"), "not set yet: the runtime decides it later");
        assertTrue((Double) completed.fields().get("duration_ms") >= 0.0);
    }

    @Test
    void aFailedJobIsOneErrorLine() {
        TelemetryJobListener listener = jobListener();
        listener.beforeJob();
        job.status = BatchStatus.FAILED;
        job.exitStatus = "NO_LEAGUE";
        listener.afterJob();
        assertEquals(List.of("job_started", "job_failed"), events());
        LogEvent failed = lines.events.get(1);
        assertEquals(LogLevel.ERROR, failed.level());
        assertEquals("FAILED", failed.fields().get("batch.status"));
        assertEquals("NO_LEAGUE", failed.fields().get("batch.exit_status"));
    }

    @Test
    void hostileOrMissingSubmitterValuesAreDropped() {
        parameters = parameters("request.id", "bad\r\nid", "user.id", "eve\u0007");
        TelemetryJobListener listener = jobListener();
        listener.beforeJob();
        assertNull(ContextStorage.current().get("request.id"));
        assertNull(ContextStorage.current().get("user.id"));
        assertEquals(41L, ContextStorage.current().get("job.execution.id"));
        listener.afterJob();

        parameters = parameters("request.id", "x".repeat(129), "user.id", "u".repeat(129));
        listener.beforeJob();
        assertEquals(List.of("job.name", "job.instance.id", "job.execution.id"),
                List.copyOf(ContextStorage.current().toMap().keySet()));
        listener.afterJob();
    }

    @Test
    void parametersThatCannotBeReadCostOnlyTheSubmitterFields() {
        TelemetryJobListener listener = new TelemetryJobListener(job, running, id -> {
            throw new SecurityException("not authorized");
        });
        listener.beforeJob();
        assertEquals(41L, ContextStorage.current().get("job.execution.id"));
        assertNull(ContextStorage.current().get("request.id"));
        listener.afterJob();
        assertEquals(List.of("job_started", "job_completed"), events());
    }

    @Test
    void outOfOrderCallsNeitherThrowNorLeak() {
        TelemetryJobListener listener = jobListener();
        listener.afterJob(); // never started: nothing to write or restore
        listener.beforeJob();
        listener.beforeJob(); // twice: the second run still restores the thread's original context
        listener.afterJob();
        listener.afterJob();
        assertEquals(List.of("job_started", "job_started", "job_completed"), events());
    }

    @Test
    void anInactiveModuleBindsAndWritesNothingButAStoppedOneStillRestores() {
        running = Running.OFF;
        TelemetryJobListener listener = jobListener();
        listener.beforeJob();
        assertTrue(ContextStorage.current().isEmpty());
        listener.afterJob();
        assertEquals(List.of(), events());

        running = ON;
        listener.beforeJob();
        running = Running.OFF; // the application stops while the job runs: the listener keeps what it began with
        listener.afterJob();
        assertTrue(ContextStorage.current().isEmpty());
    }

    @Test
    void aBrokenJobContextNeverReachesTheJob() {
        job.broken = true;
        TelemetryJobListener listener = jobListener();
        try (ContextStorage.Scope stale = ContextStorage.attach(STALE)) {
            listener.beforeJob();
            listener.afterJob();
            assertSame(STALE, ContextStorage.current());
        }
        assertEquals(List.of(), events());
    }

    @Test
    void aStepOverlaysTheJobsContextAndAFailureCarriesItsException() {
        TelemetryJobListener jobListener = jobListener();
        TelemetryStepListener stepListener = stepListener();
        jobListener.beforeJob();
        Fields jobContext = ContextStorage.current();
        stepListener.beforeStep();
        assertEquals(List.of("job.name", "job.instance.id", "job.execution.id", "request.id", "user.id", "step.name",
                "step.execution.id"), List.copyOf(ContextStorage.current().toMap().keySet()));
        IllegalStateException failure = new IllegalStateException("no such league");
        step.status = BatchStatus.FAILED;
        step.exception = failure;
        stepListener.afterStep();
        assertSame(jobContext, ContextStorage.current());
        job.status = BatchStatus.FAILED;
        jobListener.afterJob();

        assertEquals(List.of("job_started", "step_started", "step_failed", "job_failed"), events());
        LogEvent stepFailed = lines.events.get(2);
        assertEquals(LogLevel.ERROR, stepFailed.level());
        assertSame(failure, stepFailed.thrown());
        assertEquals("recompute", stepFailed.context().get("step.name"));
        assertEquals("req-1", stepFailed.context().get("request.id"));
        assertEquals("FAILED", stepFailed.fields().get("batch.status"));
        assertNull(lines.events.get(3).context().get("step.name"), "the job's line has no step");
    }

    @Test
    void aStepOnAnotherThreadReadsTheJobsFieldsAfresh() {
        // a partition's thread, or a job without the job listener: whatever the thread had is not this job's
        try (ContextStorage.Scope stale = ContextStorage.attach(STALE)) {
            TelemetryStepListener stepListener = stepListener();
            stepListener.beforeStep();
            assertEquals(Map.of("job.name", "recompute-standings", "job.instance.id", 1041L, "job.execution.id", 41L,
                            "request.id", "req-1", "user.id", "alice", "step.name", "recompute", "step.execution.id", 77L),
                    ContextStorage.current().toMap());
            stepListener.afterStep();
            assertSame(STALE, ContextStorage.current());
        }
        assertEquals(List.of("step_started", "step_completed"), events());
        assertEquals("COMPLETED", lines.events.get(1).fields().get("batch.status"));
    }

    @Test
    void aStepWhoseAfterStepNeverRunsIsUndoneByTheJob() {
        TelemetryJobListener jobListener = jobListener();
        jobListener.beforeJob();
        stepListener().beforeStep(); // the runtime never calls afterStep
        jobListener.afterJob();
        LogEvent completed = lines.named("job_completed").get(0);
        assertNull(completed.context().get("step.name"));
    }

    private TelemetryJobListener jobListener() {
        return new TelemetryJobListener(job, running, source);
    }

    private TelemetryStepListener stepListener() {
        return new TelemetryStepListener(job, step, running, source);
    }

    private List<String> events() {
        return lines.events.stream().map(LogEvent::event).toList();
    }

    private static Properties parameters(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }
}
