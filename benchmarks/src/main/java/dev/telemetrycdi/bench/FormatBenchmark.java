package dev.telemetrycdi.bench;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.http.HttpTelemetry;
import dev.telemetrycdi.internal.http.RequestTelemetry;
import dev.telemetrycdi.internal.labels.LabelExtractor;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.logging.JsonLineFormat;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.logging.LogPipeline;
import dev.telemetrycdi.internal.logging.LogRouter;
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
        Capture capture = new Capture();
        LogRouter.activate(capture);
        try {
            HttpTelemetry http = new HttpTelemetry(new LabelExtractor(SampleRequest.LABEL_RULES), SpanAccess.NONE);
            RequestTelemetry request = http.begin(null, SampleRequest.METHOD, SampleRequest.URI,
                    SampleRequest.CONTEXT_PATH, SampleRequest.PRINCIPAL);
            http.matched(request, SampleRequest.TEMPLATE, SampleRequest.PATH_PARAMETERS);
            http.complete(request, SampleRequest.STATUS, null);
        } finally {
            LogRouter.deactivate(capture);
        }
        event = capture.last;
        if (event == null) {
            throw new IllegalStateException("HttpTelemetry.complete wrote no line");
        }
        format.format(event, line);
        System.out.printf("%nformatted line (%d chars): %s", line.length(), line);
    }

    @Benchmark
    public int formatJsonLine() {
        line.setLength(0);
        format.format(event, line);
        return line.length();
    }

    /** Keeps the last line handed to it. */
    private static final class Capture implements LogPipeline {
        LogEvent last;

        @Override
        public boolean isEnabled(LogLevel level) {
            return true;
        }

        @Override
        public void publish(LogEvent event) {
            last = event;
        }
    }
}
