package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.http.RequestTelemetry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The module's work on the request thread for one request ({@link ServletRequestPath}): CPU and allocation, with
 * every line handed to the real {@code AsyncLogSink} queue.
 *
 * <p>Back to back, one thread makes lines faster than the writer formats them, and a running writer flips, from
 * one iteration to the next, between always busy (a hand-off is a plain queue insertion) and asleep (every hand-off wakes it, several
 * µs). To measure the module's own cost deterministically the writer waits for the end of each iteration
 * ({@link BenchSink#deferred}) and formats the backlog then; iterations are short (100 ms) so that the queue holds
 * every line of one (drops are printed and must be 0) and the backlog stays small. {@link IdleWriterBenchmark}
 * measures the hand-off to a running, sleeping writer, and {@link FormatBenchmark} the writer's cost per line.
 */
public class RequestPathBenchmark extends BenchmarkDefaults {
    /** {@code absent}: the id is generated (a random UUID); {@code present}: the caller's X-Request-ID is kept. */
    @Param({"absent", "present"})
    public String requestIdHeader;

    /** Lines the application writes inside the request: 0 is the module's own overhead alone. */
    @Param({"1", "0"})
    public int applicationLines;

    /** Room for every line of a 100 ms iteration (about 0.2 million at 1 µs a request). */
    @Param({"524288"})
    public int queueCapacity;

    private ServletRequestPath path;
    private BenchSink sink;

    @Setup(Level.Trial)
    public void prepare() {
        path = new ServletRequestPath("present".equals(requestIdHeader), applicationLines);
    }

    @Setup(Level.Iteration)
    public void startSink() {
        sink = BenchSink.deferred("requestPath", queueCapacity);
    }

    @TearDown(Level.Iteration)
    public void stopSink() {
        sink.close();
    }

    @Benchmark
    public RequestTelemetry requestPath() {
        return path.run();
    }
}
