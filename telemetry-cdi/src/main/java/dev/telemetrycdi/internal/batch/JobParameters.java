package dev.telemetrycdi.internal.batch;

import jakarta.batch.runtime.BatchRuntime;

import java.util.Properties;
import java.util.function.LongFunction;

/**
 * Reads the parameters a job execution was started with. Listeners see only the {@code JobContext}, which does not
 * carry them, so they are read through the runtime's {@code JobOperator}.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
final class JobParameters {
    /** The runtime's {@code JobOperator}: the job parameters of an execution id. */
    static final LongFunction<Properties> OPERATOR = id -> BatchRuntime.getJobOperator().getParameters(id);

    private JobParameters() {
    }

    /** The parameters of {@code executionId} read through {@code source}, or null when that fails. */
    static Properties read(LongFunction<Properties> source, long executionId) {
        try {
            return source.apply(executionId);
        } catch (RuntimeException | LinkageError e) {
            return null; // a repository or security problem costs the submitter's fields, never the job
        }
    }
}
