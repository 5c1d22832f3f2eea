package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Properties;
import java.util.function.LongFunction;

/**
 * The job listener {@code <listener ref="telemetryJobListener"/>}: {@code beforeJob} replaces the job thread's
 * context with the job's ({@code job.name}, {@code job.instance.id}, {@code job.execution.id}, the submitter's
 * {@code request.id} and {@code user.id} from the job parameters) and writes {@code job_started}; {@code afterJob}
 * writes {@code job_completed} or {@code job_failed} and restores the thread's previous context.
 *
 * <p>Replacing rather than overlaying means a pooled batch thread never carries fields of an earlier job into this
 * one, even if that job's {@code afterJob} never ran. Never throws: an exception of a listener would fail the job.
 *
 * <p>A dependent bean added by {@link BatchBeans} only where the server offers Jakarta Batch.
 *
 * <p>Internal API: may change without notice. Not thread-safe: one instance per job execution, as the batch runtime
 * creates it.
 */
@Named("telemetryJobListener")
public class TelemetryJobListener implements JobListener {
    @Inject
    JobContext job;

    @Inject
    Running running;

    @Inject
    IgnoredParameters ignored;

    private final LongFunction<Properties> parameters;
    private BatchRun run;

    public TelemetryJobListener() {
        this(null, null, JobParameters.OPERATOR);
    }

    TelemetryJobListener(JobContext job, Running running, LongFunction<Properties> parameters) {
        this.job = job;
        this.running = running;
        this.parameters = parameters;
    }

    @Override
    public void beforeJob() {
        try {
            end(); // called twice without afterJob: put the thread back first
            if (!running.active()) {
                return;
            }
            Properties submitted = JobParameters.read(parameters, job.getExecutionId());
            Fields context = BatchFields.job(job, submitted);
            run = BatchRun.attach(BatchLines.JOB, context,
                    () -> JobSpans.open(running.spans(), job, context));
            if (ignored != null) {
                ignored.report(context, job.getExecutionId(), submitted);
            }
            BatchLines.started(run);
        } catch (RuntimeException | LinkageError e) {
            // a listener never fails the job
        }
    }

    @Override
    public void afterJob() {
        BatchRun ending = run;
        if (ending == null) {
            return; // beforeJob did not start a run: the module was inactive, or the call is out of order
        }
        try {
            BatchLines.ended(ending, job.getBatchStatus(), job.getExitStatus(), null);
        } catch (RuntimeException | LinkageError e) {
            // a listener never fails the job
        } finally {
            end();
        }
    }

    private void end() {
        if (run != null) {
            BatchRun ending = run;
            run = null;
            ending.close();
        }
    }
}
