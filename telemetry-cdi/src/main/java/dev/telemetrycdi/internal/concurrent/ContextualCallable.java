package dev.telemetrycdi.internal.concurrent;

import java.util.concurrent.Callable;

/**
 * A {@link Callable} that runs in its submitter's context.
 *
 * <p>Internal API: may change without notice.
 */
final class ContextualCallable<T> extends ContextualTask implements Callable<T> {
    private final Callable<T> callable;

    ContextualCallable(Callable<T> callable, TaskContext context) {
        super(callable, context);
        this.callable = callable;
    }

    @Override
    public T call() throws Exception {
        return context.call(callable);
    }
}
