package dev.telemetrycdi.internal.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The future of a decorated {@link TelemetryExecutorService}: its {@code *Async} dependent stages without an
 * executor ({@code thenApplyAsync(fn)}, ...) run on that executor as tasks ({@code task.name}
 * {@code CompletableFuture.UniApply}, ...) with the context of the thread that created the stage, as Jakarta
 * Concurrency asks of a managed future; its dependent futures are of this class too. The JDK asks for the default
 * executor when a stage is created, which is when the context is captured.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class TelemetryFuture<T> extends CompletableFuture<T> {
    private final TelemetryExecutorService executor;

    TelemetryFuture(TelemetryExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public Executor defaultExecutor() {
        return executor.stageExecutor();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new TelemetryFuture<>(executor);
    }

    @Override
    public String toString() {
        return "telemetry " + super.toString();
    }
}
