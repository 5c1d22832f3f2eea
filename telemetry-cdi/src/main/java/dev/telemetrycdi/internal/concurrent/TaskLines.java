package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.jul.Emitter;

/**
 * The lines of one task run: {@code task_started} and {@code task_completed} at info (a background task is rarer
 * than a request and has no other line that says it ran), {@code task_failed} at
 * error with the exception. Written only while the module runs.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
final class TaskLines {
    static final String LOGGER = "dev.telemetrycdi.task";

    private TaskLines() {
    }

    static void started(Fields context) {
        Emitter.emitModule(LogLevel.INFO, LOGGER, FieldNames.EVENT_TASK_STARTED, context, Fields.EMPTY, null);
    }

    static void completed(Fields context, long startNanos) {
        Emitter.emitModule(LogLevel.INFO, LOGGER, FieldNames.EVENT_TASK_COMPLETED, context, duration(startNanos),
                null);
    }

    static void failed(Fields context, long startNanos, Throwable failure) {
        Emitter.emitModule(LogLevel.ERROR, LOGGER, FieldNames.EVENT_TASK_FAILED, context, duration(startNanos),
                failure);
    }

    /** Milliseconds since {@code startNanos}, truncated to 0.1 ms like {@code request_completed}. */
    private static Fields duration(long startNanos) {
        return Fields.of(FieldNames.DURATION_MS, (System.nanoTime() - startNanos) / 100_000L / 10.0);
    }
}
