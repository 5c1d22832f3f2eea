package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.cdi.Capability;
import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.annotation.Priority;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.Objects;
import java.util.Properties;
import java.util.function.LongFunction;

/**
 * Runs every call of a batch artifact (batchlet, item reader, processor and writer, listener, decider, partition
 * artifact) in its job's context, with no listener in the job XML: {@code job.name}, {@code job.instance.id},
 * {@code job.execution.id}, the submitter's {@code request.id} / {@code user.id} if the job parameters carry them,
 * and, inside a step, {@code step.name} and {@code step.execution.id}. The thread's context is replaced for the call
 * and restored afterwards on every path; a call on a thread that already has this job's and step's context (the
 * module's listeners, or an enclosing artifact call) runs as it is. The artifact's exceptions pass unchanged.
 *
 * <p>Carries no {@code @Interceptor} of its own: added by {@link BatchBeans} only where the server offers Batch.
 *
 * <p>Internal API: may change without notice. Not thread-safe beyond what the batch runtime does: one instance per
 * artifact instance, which serves one step (or partition) at a time.
 */
@BatchArtifactContext
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class BatchArtifactInterceptor {
    @Inject
    Running running;

    @Inject
    IgnoredParameters ignored;

    @Inject
    Instance<JobContext> jobs;

    @Inject
    Instance<StepContext> steps;

    /** Where the job parameters come from: the runtime's {@code JobOperator}; replaced in unit tests. */
    LongFunction<Properties> parameters = JobParameters.OPERATOR;
    private Fields cached;

    @AroundInvoke
    public Object inJobContext(InvocationContext invocation) throws Exception {
        Fields context = context();
        if (context == null) {
            return invocation.proceed();
        }
        try (ContextStorage.Scope scope = ContextStorage.attach(BatchFields.inTraceOf(context,
                ContextStorage.current()))) {
            return invocation.proceed();
        }
    }

    /** The context to bind, or null to run the call as it is (module off, no batch context, already bound). */
    private Fields context() {
        try {
            if (!running.has(Capability.BATCH)) {
                return null;
            }
            JobContext job = jobs.get();
            Long jobExecution = job.getExecutionId();
            StepContext step = step();
            Long stepExecution = step == null ? null : step.getStepExecutionId();
            Fields current = ContextStorage.current();
            if (jobExecution.equals(current.get(FieldNames.JOB_EXECUTION_ID))
                    && Objects.equals(stepExecution, current.get(FieldNames.STEP_EXECUTION_ID))) {
                return null;
            }
            Fields known = cached;
            if (known == null || !jobExecution.equals(known.get(FieldNames.JOB_EXECUTION_ID))
                    || !Objects.equals(stepExecution, known.get(FieldNames.STEP_EXECUTION_ID))) {
                Properties submitted = JobParameters.read(parameters, jobExecution);
                known = BatchFields.job(job, submitted);
                ignored.report(known, jobExecution, submitted);
                if (step != null) {
                    known = known.withAll(BatchFields.step(step));
                }
                cached = known;
            }
            return known;
        } catch (RuntimeException | LinkageError e) {
            return null; // no batch context on this thread, or the runtime refuses: the call runs as it is
        }
    }

    private StepContext step() {
        try {
            StepContext step = steps.get();
            step.getStepExecutionId(); // a job-level artifact has no step: the runtime's context throws or is null
            return step;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
