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
 * <p>{@code runAsync} and {@code supplyAsync} return the server's own managed future
 * ({@code newIncompleteFuture()}), completed from inside the task's context: dependent stages that the completion
 * runs see the task's context; stages added after completion run on the thread that adds them, and
 * {@code *Async} stages run on the server's executor without it.
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
        delegate.execute(tasks.wrap(command));
    }

    @Override
    public Future<?> submit(Runnable task) {
        return delegate.submit(tasks.wrap(task));
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return delegate.submit(tasks.wrap(task), result);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return delegate.submit(tasks.wrap(task));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return delegate.invokeAll(this.tasks.wrapAll(tasks));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        return delegate.invokeAll(this.tasks.wrapAll(tasks), timeout, unit);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        return delegate.invokeAny(this.tasks.wrapAll(tasks));
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return delegate.invokeAny(this.tasks.wrapAll(tasks), timeout, unit);
    }

    @Override
    public CompletableFuture<Void> runAsync(Runnable action) {
        TaskContext context = action == null || action instanceof ContextualTask ? null
                : tasks.capture(TaskNames.of(action));
        if (context == null) {
            return delegate.runAsync(action);
        }
        CompletableFuture<Void> future = delegate.newIncompleteFuture();
        delegate.execute(new AsyncCompletion<>(action, () -> {
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
        CompletableFuture<U> future = delegate.newIncompleteFuture();
        delegate.execute(new AsyncCompletion<>(supplier, supplier, future, context));
        return future;
    }

    @Override
    public <U> CompletableFuture<U> completedFuture(U value) {
        return delegate.completedFuture(value);
    }

    @Override
    public <U> CompletionStage<U> completedStage(U value) {
        return delegate.completedStage(value);
    }

    @Override
    public <T> CompletableFuture<T> copy(CompletableFuture<T> stage) {
        return delegate.copy(stage);
    }

    @Override
    public <T> CompletionStage<T> copy(CompletionStage<T> stage) {
        return delegate.copy(stage);
    }

    @Override
    public <U> CompletableFuture<U> failedFuture(Throwable failure) {
        return delegate.failedFuture(failure);
    }

    @Override
    public <U> CompletionStage<U> failedStage(Throwable failure) {
        return delegate.failedStage(failure);
    }

    @Override
    public ContextService getContextService() {
        return delegate.getContextService();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return delegate.newIncompleteFuture();
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
