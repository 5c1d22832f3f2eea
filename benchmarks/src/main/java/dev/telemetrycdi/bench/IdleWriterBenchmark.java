package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.http.RequestTelemetry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The request path ({@link ServletRequestPath}, one application line) at a pace the writer keeps up with, as on a
 * server that is not saturated: each request is followed by a fixed amount of unrelated work
 * ({@link Blackhole#consumeCPU}, about 20 µs), so the running writer has written the lines and gone back to
 * sleep when the next request hands it one, and the hand-off includes waking it up.
 *
 * <p>Read {@code requestThenWork - workOnly}: the request's cost with a sleeping writer, to compare with
 * {@link RequestPathBenchmark}, where no hand-off ever wakes the writer.
 */
public class IdleWriterBenchmark extends BenchmarkDefaults {
    /** The work between two requests: much longer than the writer needs for a request's two lines. */
    @Param({"10000"})
    public long workTokens;

    private ServletRequestPath path;
    private BenchSink sink;

    @Setup
    public void start() {
        path = new ServletRequestPath(false, 1);
        sink = BenchSink.started("idleWriter", 8192);
    }

    @TearDown
    public void stop() {
        sink.close();
    }

    @Benchmark
    public RequestTelemetry requestThenWork() {
        RequestTelemetry request = path.run();
        Blackhole.consumeCPU(workTokens);
        return request;
    }

    @Benchmark
    public void workOnly() {
        Blackhole.consumeCPU(workTokens);
    }
}
