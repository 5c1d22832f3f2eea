package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.context.ContextStorage;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What handing a task to a managed executor costs on the submitting thread with the module, with a request's
 * context bound ({@code SampleRequest.MATCHED_CONTEXT}): {@code execute} on the module's decorator of the server's
 * executor (capture into a {@code TaskContext}, the wrapper, the hand-over mark, and the server asking the module's
 * provider, which steps aside) against the same server executor undecorated (the provider alone captures, as
 * WildFly does for its default resources). The {@code ...AndRun} variants run the task on the same thread, inside
 * the server's snapshot: the whole capture, bind and restore, with the task lines' fields (a new {@code task.id})
 * but no log output (no pipeline is active).
 */
public class TaskSubmitBenchmark extends BenchmarkDefaults {
    private final Runnable task = () -> { };
    private ManagedExecutorService serverOnly;
    private ManagedExecutorService decorated;
    private ManagedExecutorService serverRunning;
    private ManagedExecutorService decoratedRunning;
    private ContextStorage.Scope request;

    @Setup
    public void start() {
        serverOnly = new BenchExecutor(false);
        decorated = BenchExecutor.decorated(new BenchExecutor(false));
        serverRunning = new BenchExecutor(true);
        decoratedRunning = BenchExecutor.decorated(new BenchExecutor(true));
        request = ContextStorage.attach(SampleRequest.MATCHED_CONTEXT);
    }

    @TearDown
    public void stop() {
        request.close();
    }

    @Benchmark
    public void providerOnlySubmit() {
        serverOnly.execute(task);
    }

    @Benchmark
    public void decoratedSubmit() {
        decorated.execute(task);
    }

    @Benchmark
    public void providerOnlySubmitAndRun() {
        serverRunning.execute(task);
    }

    @Benchmark
    public void decoratedSubmitAndRun() {
        decoratedRunning.execute(task);
    }
}
