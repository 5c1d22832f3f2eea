package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.http.HttpTelemetry;
import dev.telemetrycdi.internal.logging.JsonLineFormat;
import dev.telemetrycdi.internal.logging.LogEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The writer thread's cost per line, off the request thread: {@link JsonLineFormat} of a {@code request_completed}
 * line into a reused buffer, as {@code LineWriter} does. The event is a real one, captured from
 * {@link HttpTelemetry#complete} for the {@link SampleRequest}; encoding to UTF-8 and writing are not included.
 */
public class FormatBenchmark extends BenchmarkDefaults {
    private final JsonLineFormat format = new JsonLineFormat();
    private final StringBuilder line = new StringBuilder(8 * 1024);
    private LogEvent event;

    @Setup
    public void start() {
        event = SampleRequest.completedLine();
        format.format(event, line);
        System.out.printf("%nformatted line (%d chars): %s", line.length(), line);
    }

    @Benchmark
    public int formatJsonLine() {
        line.setLength(0);
        format.format(event, line);
        return line.length();
    }
}
