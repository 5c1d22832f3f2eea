package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A {@link ManagedExecutorService} whose tasks run in their submitter's context: every entry point that takes a
 * task wraps it ({@link TaskTelemetry}); everything else is the server's executor unchanged.
 *
 * <p>{@code runAsync}, {@code supplyAsync} and the other future factories return a {@link TelemetryFuture}:
 * completed from inside the task's context (dependent stages that the completion runs see it; stages added after
 * completion run on the thread that adds them, and a thread waiting in {@code get()} may run a triggered stage itself,
 * as {@code CompletableFuture} lets it), and its {@code *Async} stages without an executor run on this
 * executor as tasks, with the context of the thread that created the stage. While a task is handed to the server,
 * {@link TelemetryContextProvider} steps aside ({@link HandOver}).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public class TelemetryExecutorService implements ManagedExecutorService {
    final ManagedExecutorService delegate;
    final TaskTelemetry tasks;

    public TelemetryExecutorService(ManagedExecutorService delegate, TaskTelemetry tasks) {
        this.delegate = delegate;
        this.tasks = tasks;
    }

    @Override
    public void execute(Runnable command) {
        Runnable wrapped = tasks.wrap(command);
        boolean marked = HandOver.begin(wrapped instanceof ContextualTask);
        try {
            delegate.execute(wrapped);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public Future<?> submit(Runnable task) {
        Runnable wrapped = tasks.wrap(task);
        boolean marked = HandOver.begin(wrapped instanceof ContextualTask);
        try {
            return delegate.submit(wrapped);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        Runnable wrapped = tasks.wrap(task);
        boolean marked = HandOver.begin(wrapped instanceof ContextualTask);
        try {
            return delegate.submit(wrapped, result);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        Callable<T> wrapped = tasks.wrap(task);
        boolean marked = HandOver.begin(wrapped instanceof ContextualTask);
        try {
            return delegate.submit(wrapped);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        boolean marked = HandOver.begin(this.tasks.isActive());
        try {
            return delegate.invokeAll(this.tasks.wrapAll(tasks));
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        boolean marked = HandOver.begin(this.tasks.isActive());
        try {
            return delegate.invokeAll(this.tasks.wrapAll(tasks), timeout, unit);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        boolean marked = HandOver.begin(this.tasks.isActive());
        try {
            return delegate.invokeAny(this.tasks.wrapAll(tasks));
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        boolean marked = HandOver.begin(this.tasks.isActive());
        try {
            return delegate.invokeAny(this.tasks.wrapAll(tasks), timeout, unit);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public CompletableFuture<Void> runAsync(Runnable action) {
        TaskContext context = action == null || action instanceof ContextualTask ? null
                : tasks.capture(TaskNames.of(action));
        if (context == null) {
            return delegate.runAsync(action);
        }
        CompletableFuture<Void> future = newIncompleteFuture();
        handOver(new AsyncCompletion<>(action, () -> {
            action.run();
            return null;
        }, future, context));
        return future;
    }

    @Override
    public <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
        TaskContext context = supplier == null || supplier instanceof ContextualTask ? null
                : tasks.capture(TaskNames.of(supplier));
        if (context == null) {
            return delegate.supplyAsync(supplier);
        }
        CompletableFuture<U> future = newIncompleteFuture();
        handOver(new AsyncCompletion<>(supplier, supplier, future, context));
        return future;
    }

    /**
     * A future whose {@code *Async} dependent stages without an executor run on this executor, each with the context
     * of the thread that created the stage; see {@link TelemetryFuture}.
     */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new TelemetryFuture<>(this);
    }

    @Override
    public <U> CompletableFuture<U> completedFuture(U value) {
        CompletableFuture<U> future = newIncompleteFuture();
        future.complete(value);
        return future;
    }

    @Override
    public <U> CompletionStage<U> completedStage(U value) {
        return completedFuture(value);
    }

    @Override
    public <T> CompletableFuture<T> copy(CompletableFuture<T> stage) {
        return copy((CompletionStage<T>) stage).toCompletableFuture();
    }

    @Override
    public <T> CompletionStage<T> copy(CompletionStage<T> stage) {
        CompletableFuture<T> copy = newIncompleteFuture();
        stage.whenComplete((result, failure) -> {
            if (failure == null) {
                copy.complete(result);
            } else {
                copy.completeExceptionally(failure);
            }
        });
        return copy;
    }

    @Override
    public <U> CompletableFuture<U> failedFuture(Throwable failure) {
        CompletableFuture<U> future = newIncompleteFuture();
        future.completeExceptionally(failure);
        return future;
    }

    @Override
    public <U> CompletionStage<U> failedStage(Throwable failure) {
        return failedFuture(failure);
    }

    /**
     * The executor of one dependent stage, created now: it runs the stage as a task with the current thread's
     * context (captured here, when the stage is created), or is the server's executor when the module does not run.
     */
    java.util.concurrent.Executor stageExecutor() {
        TaskContext context = tasks.capture(TaskNames.STAGE);
        if (context == null) {
            return delegate;
        }
        return stage -> handOver(new ContextualRunnable(stage, context.named(TaskNames.of(stage))));
    }

    private void handOver(Runnable contextual) {
        boolean marked = HandOver.begin(true);
        try {
            delegate.execute(contextual);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public ContextService getContextService() {
        return delegate.getContextService();
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }

    @Override
    public String toString() {
        return "telemetry(" + delegate + ")";
    }
}
