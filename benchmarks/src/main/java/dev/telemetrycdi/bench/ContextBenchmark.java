package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Binding a request's context on the thread and restoring the previous one, as the servlet filter does around
 * every request ({@code RequestTelemetry.bind()}/{@code unbind()}): {@link ContextStorage#attach}, a read of the
 * current context as a log call makes, and {@link ContextStorage.Scope#close}.
 */
public class ContextBenchmark extends BenchmarkDefaults {
    private Fields context;

    @Setup
    public void start() {
        context = SampleRequest.MATCHED_CONTEXT;
    }

    @Benchmark
    public Fields contextBindRestore() {
        try (ContextStorage.Scope scope = ContextStorage.attach(context)) {
            return ContextStorage.current();
        }
    }
}
