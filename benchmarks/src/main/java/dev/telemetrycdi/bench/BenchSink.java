package dev.telemetrycdi.bench;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.logging.AsyncLogSink;
import dev.telemetrycdi.internal.logging.JsonLineFormat;
import dev.telemetrycdi.internal.logging.LogRouter;

/**
 * The module's structured logging as production sets it up, for one benchmark iteration or trial: an
 * {@link AsyncLogSink} at {@code info} whose writer formats {@link JsonLineFormat} lines into a
 * {@link DiscardingOutputStream}, activated in {@link LogRouter} so that {@code EventLogger} and
 * {@code HttpTelemetry} hand their lines to it.
 *
 * <p>{@link #deferred} starts the writer thread only at {@link #close()}: until then lines wait in the queue, so
 * handing one off is the queue insertion alone, never a wake-up of a sleeping writer nor a race with a busy one,
 * and the writer formats the backlog after the measurement. {@link #started} runs the writer from the start, as
 * production does.
 *
 * <p>{@link #close()} deactivates and drains the sink and prints its drops (which must be 0: a dropped line is
 * cheaper to hand off than a queued one) and bytes written, on the benchmark's output.
 */
final class BenchSink implements AutoCloseable {
    private static final long DROP_REPORT_INTERVAL_MS = 10_000;
    private static final long DRAIN_TIMEOUT_MS = 60_000;

    private final DiscardingOutputStream output = new DiscardingOutputStream();
    private final AsyncLogSink sink;
    private final String name;

    private BenchSink(String name, int capacity, boolean start) {
        this.name = name;
        this.sink = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), output, capacity, DROP_REPORT_INTERVAL_MS,
                "bench-writer-" + name);
        if (start) {
            sink.start();
        }
        LogRouter.activate(sink);
    }

    /** A sink whose writer runs from now on. */
    static BenchSink started(String name, int capacity) {
        return new BenchSink(name, capacity, true);
    }

    /** A sink that queues every line until {@link #close()} starts its writer. */
    static BenchSink deferred(String name, int capacity) {
        return new BenchSink(name, capacity, false);
    }

    @Override
    public void close() {
        LogRouter.deactivate(sink);
        sink.start(); // does nothing if it runs already
        boolean drained = sink.stop(DRAIN_TIMEOUT_MS);
        System.out.printf("[%s sink: dropped=%d, bytes written=%d%s] ", name, sink.dropped(),
                drained ? output.bytes() : -1, drained ? "" : ", NOT drained");
    }
}
