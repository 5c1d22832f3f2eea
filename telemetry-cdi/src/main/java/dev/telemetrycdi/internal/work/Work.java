package dev.telemetrycdi.internal.work;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.Emitter;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;

/**
 * One unit of work of a {@link WorkKind}, from its start: its start time and {@code duration_ms}, its started,
 * completed and failed lines, and the once-only guards of a unit that ends on a callback or thread of its own
 * (a request, an outbound call, a WebSocket connection). A unit that runs on one thread binds its context with
 * {@link WorkScope} and runs with {@link #run}, whose {@code finally} the scope closes.
 *
 * <p>A feature whose unit lives in an object of its own (a request, a connection) extends this class, so that the
 * unit costs no allocation of its own; others take one from {@link WorkKind#start()}.
 *
 * <p>Internal API: may change without notice. Thread-safe; the lines never throw (the emitter swallows its failures).
 */
public class Work {
    private static final AtomicIntegerFieldUpdater<Work> STATE =
            AtomicIntegerFieldUpdater.newUpdater(Work.class, "state");
    private static final int STARTED = 1;
    private static final int ENDED = 2;

    private final WorkKind kind;
    private final long startNanos = System.nanoTime();
    private volatile int state;

    protected Work(WorkKind kind) {
        this.kind = kind;
    }

    /** Milliseconds since the unit started, truncated to 0.1 ms: the {@code duration_ms} of every closing line. */
    public final double durationMs() {
        return (System.nanoTime() - startNanos) / 100_000L / 10.0;
    }

    /** True the first time only: guards a started line written at the first of several callbacks. */
    public final boolean markStarted() {
        return mark(STARTED);
    }

    /** True the first time only: guards the one closing line of a unit that may be ended from several places. */
    public final boolean markEnded() {
        return mark(ENDED);
    }

    /** Whether {@link #markEnded()} was called. */
    public final boolean isEnded() {
        return (state & ENDED) != 0;
    }

    /** Writes the kind's started line, at info, in {@code context}. */
    public final void started(Fields context) {
        Emitter.emitModule(LogLevel.INFO, kind.logger(), kind.startedEvent(), context, Fields.EMPTY, null);
    }

    /** Writes the kind's completed line at info, with {@code duration_ms} as its one field. */
    public final void completed(Fields context) {
        completed(context, LogLevel.INFO, Fields.of(FieldNames.DURATION_MS, durationMs()));
    }

    /** Writes the kind's completed line at {@code level} with the kind's {@code fields} ({@link #durationMs()}). */
    public final void completed(Fields context, LogLevel level, Fields fields) {
        Emitter.emitModule(level, kind.logger(), kind.completedEvent(), context, fields, null);
    }

    /** Writes the kind's failed line at error, with {@code duration_ms} as its one field, and {@code failure}. */
    public final void failed(Fields context, Throwable failure) {
        failed(context, Fields.of(FieldNames.DURATION_MS, durationMs()), failure);
    }

    /** Writes the kind's failed line at error with the kind's {@code fields} and {@code failure} (may be null). */
    public final void failed(Fields context, Fields fields, Throwable failure) {
        Emitter.emitModule(LogLevel.ERROR, kind.logger(), kind.failedEvent(), context, fields, failure);
    }

    /**
     * Runs {@code body} as this unit, on this thread: the started line (if the kind has one), then the completed
     * line, or the failed line with the exception, which is rethrown unchanged. A result for which
     * {@code failureOf} (may be null) gives an exception (a future already failed) is reported as failed with it,
     * and still returned.
     */
    public final <T> T run(Fields context, Callable<T> body, Function<? super T, Throwable> failureOf)
            throws Exception {
        if (kind.startedEvent() != null) {
            started(context);
        }
        T result;
        try {
            result = body.call();
        } catch (Exception | Error e) {
            failed(context, e);
            throw e;
        }
        Throwable failure = failureOf == null ? null : failureOf.apply(result);
        if (failure == null) {
            completed(context);
        } else {
            failed(context, failure);
        }
        return result;
    }

    private boolean mark(int flag) {
        while (true) {
            int current = state;
            if ((current & flag) != 0) {
                return false;
            }
            if (STATE.compareAndSet(this, current, current | flag)) {
                return true;
            }
        }
    }
}
