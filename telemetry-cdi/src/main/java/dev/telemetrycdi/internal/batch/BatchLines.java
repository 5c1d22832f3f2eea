package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.work.WorkKind;
import jakarta.batch.runtime.BatchStatus;

/**
 * The lines of jobs and steps: {@code job_started} / {@code step_started}, then {@code job_completed} /
 * {@code step_completed} or, for a run that ends {@code FAILED} or with an exception, {@code job_failed} /
 * {@code step_failed} at error level, with {@code batch.status}, {@code batch.exit_status} (when already set)
 * and {@code duration_ms}. The lines are those of {@link dev.telemetrycdi.internal.work.Work}: the kinds
 * {@link #JOB} and {@link #STEP} name them; the status, exit status and level of the closing line are batch's own.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws (the emitter swallows its own failures).
 */
final class BatchLines {
    static final String LOGGER = "dev.telemetrycdi.batch";
    static final WorkKind JOB = new WorkKind(LOGGER, FieldNames.EVENT_JOB_STARTED, FieldNames.EVENT_JOB_COMPLETED,
            FieldNames.EVENT_JOB_FAILED);
    static final WorkKind STEP = new WorkKind(LOGGER, FieldNames.EVENT_STEP_STARTED,
            FieldNames.EVENT_STEP_COMPLETED, FieldNames.EVENT_STEP_FAILED);

    private BatchLines() {
    }

    static void started(BatchRun run) {
        run.work().started(run.context());
    }

    /**
     * Writes the closing line of {@code run}.
     *
     * @param status     the status the after-listener sees; {@code STARTED} there means the run ended normally and
     *                   the runtime is about to mark it {@code COMPLETED}, so it is written as {@code COMPLETED}
     * @param exitStatus the exit status the application set so far, or null (then no {@code batch.exit_status}: the
     *                   runtime decides it after the listener, e.g. from a batchlet's return value)
     * @param error      the step's exception, or null
     */
    static void ended(BatchRun run, BatchStatus status, String exitStatus, Throwable error) {
        boolean failed = status == BatchStatus.FAILED || error != null;
        String statusText = status == null ? null
                : status == BatchStatus.STARTED && !failed ? BatchStatus.COMPLETED.name() : status.name();
        Fields.Builder fields = Fields.builder(3);
        if (statusText != null) {
            fields.put(FieldNames.BATCH_STATUS, statusText);
        }
        if (exitStatus != null) {
            fields.put(FieldNames.BATCH_EXIT_STATUS, exitStatus);
        }
        fields.put(FieldNames.DURATION_MS, run.work().durationMs());
        if (failed) {
            run.work().failed(run.context(), fields.build(), error);
        } else {
            run.work().completed(run.context(), LogLevel.INFO, fields.build());
        }
    }
}
