package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.concurrent.TaskTelemetry;
import dev.telemetrycdi.internal.concurrent.TelemetryContextProvider;
import dev.telemetrycdi.internal.concurrent.TelemetryExecutorService;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A stand-in for the server's managed executor, for benchmarks: at each {@code execute} it asks the module's
 * {@link TelemetryContextProvider} for a snapshot as WildFly does (Open Liberty asks for a cleared one), then either
 * drops the task (the submitting thread's cost alone) or runs it on the calling thread, inside the snapshot.
 */
public final class BenchExecutor extends AbstractExecutorService implements ManagedExecutorService {
    private final TelemetryContextProvider provider = new TelemetryContextProvider();
    private final boolean run;
    /** The last snapshot, so that the JIT cannot drop the provider's call. */
    public Object lastSnapshot;

    public BenchExecutor(boolean run) {
        this.run = run;
    }

    /** The module's decorator of {@code server}, with the module running and no tracing. */
    public static ManagedExecutorService decorated(ManagedExecutorService server) {
        return new TelemetryExecutorService(server,
                new TaskTelemetry(() -> true, () -> dev.telemetrycdi.internal.tracing.SpanAccess.NONE));
    }

    @Override
    public void execute(Runnable command) {
        jakarta.enterprise.concurrent.spi.ThreadContextSnapshot snapshot = provider.currentContext(Map.of());
        lastSnapshot = snapshot;
        if (run) {
            jakarta.enterprise.concurrent.spi.ThreadContextRestorer restorer = snapshot.begin();
            try {
                command.run();
            } finally {
                restorer.endContext();
            }
        }
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
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
        throw new UnsupportedOperationException();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Void> runAsync(Runnable runnable) {
        return CompletableFuture.runAsync(runnable, this);
    }

    @Override
    public <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
        return CompletableFuture.supplyAsync(supplier, this);
    }
}
