package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * A {@link ManagedThreadFactory} whose threads run with the context of the thread that called {@code newThread}
 * (captured then, on every server; the server's own context is the server's business). No task lines: a thread
 * is not a task. Fork-join worker threads are the server's, unchanged.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class TelemetryThreadFactory implements ManagedThreadFactory {
    final ManagedThreadFactory delegate;
    private final TaskTelemetry tasks;

    public TelemetryThreadFactory(ManagedThreadFactory delegate, TaskTelemetry tasks) {
        this.delegate = delegate;
        this.tasks = tasks;
    }

    @Override
    public Thread newThread(Runnable work) {
        BoundContext context = work == null ? null : BoundContext.capture(tasks);
        if (context == null) {
            return delegate.newThread(work);
        }
        boolean marked = HandOver.begin(true);
        try {
            return delegate.newThread(new BoundRunnable(work, context));
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        return delegate.newThread(pool);
    }

    @Override
    public String toString() {
        return "telemetry(" + delegate + ")";
    }

    /** A thread's work, run in the context of the thread that created it. */
    private static final class BoundRunnable implements Runnable {
        private final Runnable work;
        private final BoundContext context;

        BoundRunnable(Runnable work, BoundContext context) {
            this.work = work;
            this.context = context;
        }

        @Override
        public void run() {
            context.run(work);
        }

        @Override
        public String toString() {
            return work + " (with telemetry " + context + ")";
        }
    }
}
