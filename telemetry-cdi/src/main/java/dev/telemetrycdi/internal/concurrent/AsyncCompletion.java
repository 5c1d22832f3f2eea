package dev.telemetrycdi.internal.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The task behind {@code runAsync} / {@code supplyAsync}: runs the supplier in its submitter's context and
 * completes the future with its outcome before leaving that context.
 *
 * <p>Internal API: may change without notice.
 */
final class AsyncCompletion<T> extends ContextualTask implements Runnable {
    private final Supplier<T> supplier;
    private final CompletableFuture<T> future;

    AsyncCompletion(Object task, Supplier<T> supplier, CompletableFuture<T> future, TaskContext context) {
        super(task, context);
        this.supplier = supplier;
        this.future = future;
    }

    @Override
    public void run() {
        context.complete(supplier, future);
    }
}
