package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.work.Work;
import dev.telemetrycdi.internal.work.WorkKind;
import dev.telemetrycdi.internal.work.WorkScope;

import java.util.function.Supplier;

/**
 * One job or step run as a listener sees it: a {@link Work} of {@link BatchLines#JOB} or {@link BatchLines#STEP}
 * started by the before-listener, its context bound on the batch thread (with the job's span, if any) by a
 * {@link WorkScope} that the after-listener closes.
 *
 * <p>Internal API: may change without notice. Not thread-safe: one listener instance, one batch thread.
 */
final class BatchRun {
    private final Fields context;
    private final WorkScope scope;
    private final Work work;

    private BatchRun(Fields context, WorkScope scope, Work work) {
        this.context = context;
        this.scope = scope;
        this.work = work;
    }

    /**
     * Makes {@code context} the thread's whole context (replacing, not overlaying) and opens the span {@code span}
     * gives (null: none) until {@link #close()}.
     */
    static BatchRun attach(WorkKind kind, Fields context, Supplier<SpanAccess.SpanScope> span) {
        WorkScope scope = WorkScope.bind(context, span);
        return new BatchRun(context, scope, kind.start());
    }

    Fields context() {
        return context;
    }

    Work work() {
        return work;
    }

    /** Ends the span, then restores the context the thread had before; only on the thread that attached, once. */
    void close() {
        scope.close();
    }
}
