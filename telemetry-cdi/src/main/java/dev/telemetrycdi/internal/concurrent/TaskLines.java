package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.work.WorkKind;

/**
 * The lines of one task run, as a {@link WorkKind}: {@code task_started} and {@code task_completed} at info (a
 * background task is rarer than a request and has no other line that says it ran), {@code task_failed} at error
 * with the exception, both with {@code duration_ms}. Written only while the module runs.
 *
 * <p>Internal API: may change without notice. Thread-safe (immutable).
 */
final class TaskLines {
    static final String LOGGER = "dev.telemetrycdi.task";
    static final WorkKind KIND = new WorkKind(LOGGER, FieldNames.EVENT_TASK_STARTED,
            FieldNames.EVENT_TASK_COMPLETED, FieldNames.EVENT_TASK_FAILED);

    private TaskLines() {
    }
}
