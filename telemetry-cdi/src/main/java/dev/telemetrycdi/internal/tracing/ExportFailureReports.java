package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;

/**
 * Says once when the application's spans or log records stop reaching the collector, and when they reach it again
 * ({@link ExportOutcomes}): wraps the span and log exporters of the application's OpenTelemetry SDK.
 *
 * <p>Found by the SDK's autoconfiguration through {@code META-INF/services} in the module's jar, as
 * {@link ServerLogCopies} is: both servers build the application's SDK with the application's class loader as the
 * service loader, and only while tracing is on.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class ExportFailureReports implements AutoConfigurationCustomizerProvider {
    @Override
    public void customize(AutoConfigurationCustomizer autoConfiguration) {
        autoConfiguration
                .addSpanExporterCustomizer((exporter, config) ->
                        new Spans(exporter, ExportOutcomes.reported("spans", endpoint(config, "traces"))))
                .addLogRecordExporterCustomizer((exporter, config) ->
                        new Logs(exporter, ExportOutcomes.reported("log records", endpoint(config, "logs"))));
    }

    private static String endpoint(ConfigProperties config, String signal) {
        try {
            String own = config.getString("otel.exporter.otlp." + signal + ".endpoint");
            return own != null ? own : config.getString("otel.exporter.otlp.endpoint");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A span exporter whose export outcomes are watched. */
    static final class Spans implements SpanExporter {
        private final SpanExporter next;
        private final ExportOutcomes outcomes;

        Spans(SpanExporter next, ExportOutcomes outcomes) {
            this.next = next;
            this.outcomes = outcomes;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return outcomes.watch(next.export(spans));
        }

        @Override
        public CompletableResultCode flush() {
            return next.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return next.shutdown();
        }

        @Override
        public String toString() {
            return next.toString();
        }
    }

    /** A log record exporter whose export outcomes are watched. */
    static final class Logs implements LogRecordExporter {
        private final LogRecordExporter next;
        private final ExportOutcomes outcomes;

        Logs(LogRecordExporter next, ExportOutcomes outcomes) {
            this.next = next;
            this.outcomes = outcomes;
        }

        @Override
        public CompletableResultCode export(Collection<LogRecordData> records) {
            return outcomes.watch(next.export(records));
        }

        @Override
        public CompletableResultCode flush() {
            return next.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return next.shutdown();
        }

        @Override
        public String toString() {
            return next.toString();
        }
    }
}
