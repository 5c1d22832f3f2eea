package dev.telemetrycdi.internal.work;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.tracing.SpanAccess;

import java.util.function.Supplier;

/**
 * A unit of work's context and span on the thread that runs it: {@link #bind} makes the unit's fields the thread's
 * whole context (replacing, not overlaying, so that a pooled thread never carries an earlier unit's fields) and then
 * opens the unit's span; {@link #close()} ends the span and restores the thread's previous context, in
 * {@code finally}, on every path.
 *
 * <pre>{@code
 * try (WorkScope scope = WorkScope.bind(fields, () -> spans.openSpan(parent, name, Kind.INTERNAL, fields))) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Internal API: may change without notice. Not thread-safe: closed on the thread that bound it, once.
 */
public final class WorkScope implements AutoCloseable {
    private final ContextStorage.Scope scope;
    private final SpanAccess.SpanScope span;

    private WorkScope(ContextStorage.Scope scope, SpanAccess.SpanScope span) {
        this.scope = scope;
        this.span = span;
    }

    /**
     * Binds {@code context} on this thread, then opens the span {@code span} gives (null: none) while it is bound.
     * A span that fails to open leaves the unit without one; never throws.
     */
    public static WorkScope bind(Fields context, Supplier<SpanAccess.SpanScope> span) {
        ContextStorage.Scope scope = ContextStorage.attach(context);
        SpanAccess.SpanScope opened = SpanAccess.SpanScope.NONE;
        boolean bound = false;
        try {
            SpanAccess.SpanScope got = span == null ? null : span.get();
            opened = got == null ? SpanAccess.SpanScope.NONE : got;
            bound = true;
        } catch (RuntimeException | LinkageError e) {
            bound = true; // the unit runs without a span
        } finally {
            if (!bound) {
                scope.close(); // anything else (an OutOfMemoryError) goes on up, with the thread's context restored
            }
        }
        return new WorkScope(scope, opened);
    }

    /** Ends the span, then restores the context the thread had before, even if ending the span failed. */
    @Override
    public void close() {
        try {
            span.close();
        } catch (RuntimeException | LinkageError e) {
            // the context is restored anyway
        } finally {
            scope.close();
        }
    }
}
