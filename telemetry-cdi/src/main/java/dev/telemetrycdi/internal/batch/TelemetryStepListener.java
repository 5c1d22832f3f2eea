package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Properties;
import java.util.function.LongFunction;

/**
 * The step listener {@code <listener ref="telemetryStepListener"/>}: {@code beforeStep} adds {@code step.name} and
 * {@code step.execution.id} to the job's context and writes {@code step_started}; {@code afterStep} writes
 * {@code step_completed} or {@code step_failed} (with the step's exception) and restores the thread's previous
 * context.
 *
 * <p>On the job's thread, under {@link TelemetryJobListener}, the step overlays the job's context. Anywhere else (a
 * partition's thread, or a job without the job listener) the thread's context is not this job's: the step then
 * replaces it with the job's fields, read again from the job context and parameters, plus its own. Never throws.
 *
 * <p>A dependent bean added by {@link BatchBeans} only where the server offers Jakarta Batch.
 *
 * <p>Internal API: may change without notice. Not thread-safe: one instance per step execution (or partition).
 */
@Named("telemetryStepListener")
public class TelemetryStepListener implements StepListener {
    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    Running running;

    private final LongFunction<Properties> parameters;
    private BatchRun run;

    public TelemetryStepListener() {
        this(null, null, null, JobParameters.OPERATOR);
    }

    TelemetryStepListener(JobContext job, StepContext step, Running running,
                          LongFunction<Properties> parameters) {
        this.job = job;
        this.step = step;
        this.running = running;
        this.parameters = parameters;
    }

    @Override
    public void beforeStep() {
        try {
            end();
            if (!running.active()) {
                return;
            }
            Fields context = BatchFields.inTraceOf(jobContext().withAll(BatchFields.step(step)),
                    ContextStorage.current());
            run = BatchRun.attach(BatchLines.STEP, context, null);
            BatchLines.started(run);
        } catch (RuntimeException | LinkageError e) {
            // a listener never fails the job
        }
    }

    @Override
    public void afterStep() {
        BatchRun ending = run;
        if (ending == null) {
            return;
        }
        try {
            BatchLines.ended(ending, step.getBatchStatus(), step.getExitStatus(), step.getException());
        } catch (RuntimeException | LinkageError e) {
            // a listener never fails the job
        } finally {
            end();
        }
    }

    /** The current context if it is this job's (bound by the job listener), else the job's fields afresh. */
    private Fields jobContext() {
        long executionId = job.getExecutionId();
        Fields current = ContextStorage.current();
        Object bound = current.get(FieldNames.JOB_EXECUTION_ID);
        if (bound instanceof Long && (Long) bound == executionId) {
            return current;
        }
        return BatchFields.job(job, JobParameters.read(parameters, executionId));
    }

    private void end() {
        if (run != null) {
            BatchRun ending = run;
            run = null;
            ending.close();
        }
    }
}
