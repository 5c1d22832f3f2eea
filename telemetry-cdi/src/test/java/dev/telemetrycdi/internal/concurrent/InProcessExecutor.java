package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.Trigger;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A one-thread stand-in for the server's managed scheduled executor: every task runs on the same worker thread, so
 * whatever a task leaves on it is seen by the next. Records every task object it is handed.
 */
final class InProcessExecutor extends AbstractExecutorService implements ManagedScheduledExecutorService {
    final List<Object> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the module's provider gave at each {@code execute} / {@code submit(Callable)}, as a server asks it. */
    final List<Object> snapshots = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final TelemetryContextProvider provider = new TelemetryContextProvider();
    private final ScheduledExecutorService pool = new ScheduledThreadPoolExecutor(1);

    @Override
    public void execute(Runnable command) {
        received.add(command);
        snapshots.add(provider.currentContext(java.util.Map.of()));
        pool.execute(command);
    }

    @Override
    public Future<?> submit(Runnable task) {
        received.add(task);
        return pool.submit(task);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        received.add(task);
        return pool.submit(task, result);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        received.add(task);
        snapshots.add(provider.currentContext(java.util.Map.of()));
        return pool.submit(task);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        received.addAll(tasks);
        return pool.invokeAll(tasks);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        received.addAll(tasks);
        return pool.invokeAll(tasks, timeout, unit);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        received.addAll(tasks);
        return pool.invokeAny(tasks);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        received.addAll(tasks);
        return pool.invokeAny(tasks, timeout, unit);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, Trigger trigger) {
        received.add(command);
        return pool.schedule(command, delayOf(trigger), TimeUnit.MILLISECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, Trigger trigger) {
        received.add(callable);
        return pool.schedule(callable, delayOf(trigger), TimeUnit.MILLISECONDS);
    }

    /** A trigger's first run only: enough for these tests. */
    private static long delayOf(Trigger trigger) {
        Date next = trigger.getNextRunTime((LastExecution) null, new Date());
        return Math.max(0, next.getTime() - System.currentTimeMillis());
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        received.add(command);
        return pool.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        received.add(callable);
        return pool.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        received.add(command);
        return pool.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        received.add(command);
        return pool.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public <U> CompletableFuture<U> completedFuture(U value) {
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public <U> CompletionStage<U> completedStage(U value) {
        return CompletableFuture.completedStage(value);
    }

    @Override
    public <T> CompletableFuture<T> copy(CompletableFuture<T> stage) {
        return stage.copy();
    }

    @Override
    public <T> CompletionStage<T> copy(CompletionStage<T> stage) {
        return stage.toCompletableFuture().copy();
    }

    @Override
    public <U> CompletableFuture<U> failedFuture(Throwable failure) {
        return CompletableFuture.failedFuture(failure);
    }

    @Override
    public <U> CompletionStage<U> failedStage(Throwable failure) {
        return CompletableFuture.failedStage(failure);
    }

    @Override
    public ContextService getContextService() {
        return null;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Void> runAsync(Runnable action) {
        received.add(action);
        return CompletableFuture.runAsync(action, pool);
    }

    @Override
    public <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
        received.add(supplier);
        return CompletableFuture.supplyAsync(supplier, pool);
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }

}
