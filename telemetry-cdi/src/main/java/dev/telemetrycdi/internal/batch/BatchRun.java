package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.tracing.SpanAccess;

/**
 * One job or step run as a listener sees it: the context it bound on the batch thread, the scope that restores the
 * thread's previous context, and its start time.
 *
 * <p>Internal API: may change without notice. Not thread-safe: one listener instance, one batch thread.
 */
final class BatchRun {
    private final Fields context;
    private final ContextStorage.Scope scope;
    private final long startNanos = System.nanoTime();
    private SpanAccess.SpanScope span = SpanAccess.SpanScope.NONE;

    private BatchRun(Fields context, ContextStorage.Scope scope) {
        this.context = context;
        this.scope = scope;
    }

    /** Makes {@code context} the thread's whole context (replacing, not overlaying) until {@link #close()}. */
    static BatchRun attach(Fields context) {
        return new BatchRun(context, ContextStorage.attach(context));
    }

    /** Keeps {@code opened} current until {@link #close()}, which ends it first. */
    void span(SpanAccess.SpanScope opened) {
        this.span = opened;
    }

    Fields context() {
        return context;
    }

    /** Milliseconds since the run started, truncated to 0.1 ms. */
    double durationMs() {
        return (System.nanoTime() - startNanos) / 100_000L / 10.0;
    }

    /** Restores the context the thread had before; only on the thread that attached, at most once. */
    void close() {
        try {
            span.close();
        } catch (RuntimeException e) {
            // the context is restored anyway
        } finally {
            scope.close();
        }
    }
}
