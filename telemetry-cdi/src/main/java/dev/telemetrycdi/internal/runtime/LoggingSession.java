package dev.telemetrycdi.internal.runtime;

import dev.telemetrycdi.LogFormat;
import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.TelemetrySettings;
import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.bridge.CategoryBridge;
import dev.telemetrycdi.internal.logging.PlainPipeline;
import dev.telemetrycdi.internal.logging.AsyncLogSink;
import dev.telemetrycdi.internal.logging.JsonLineFormat;
import dev.telemetrycdi.internal.logging.LineCopy;
import dev.telemetrycdi.internal.logging.LineFormat;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.logging.LogPipeline;
import dev.telemetrycdi.internal.logging.LogRouter;
import dev.telemetrycdi.internal.logging.LogTargets;
import dev.telemetrycdi.internal.logging.PrettyLineFormat;
import dev.telemetrycdi.internal.logging.SinkStats;
import dev.telemetrycdi.internal.tracing.CorrelatingPipeline;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.tracing.TracingSwitch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

/**
 * The structured output of one application run: the sink, its writer thread, and the bridge of the configured
 * logger categories; opened at start-up, closed in reverse order at shutdown. With {@code structlog.enabled=false}
 * nothing is opened and lines go through the server's logging as plain text.
 *
 * <p>Internal API: may change without notice. Open and close on one thread.
 */
final class LoggingSession implements AutoCloseable {
    static final String LOGGER = "dev.telemetrycdi";
    private static final long DROP_REPORT_INTERVAL_MS = 10_000;
    private static final long DRAIN_TIMEOUT_MS = 2_000;

    private final TelemetrySettings settings;
    private final AsyncLogSink sink;
    private final LogPipeline pipeline;
    private final CategoryBridge bridge;
    private final SinkStats stats;

    private LoggingSession(TelemetrySettings settings, AsyncLogSink sink, LogPipeline pipeline, CategoryBridge bridge,
                           SinkStats stats) {
        this.settings = settings;
        this.sink = sink;
        this.pipeline = pipeline;
        this.bridge = bridge;
        this.stats = stats;
    }

    /**
     * @param application the application's name, for the sink's statistics MBean
     * @param copy        a second output of every line, on the writer thread (the OTLP log records)
     */
    static LoggingSession open(TelemetrySettings settings, SpanAccess spans, String application, LineCopy copy) {
        if (!settings.structured()) {
            LogPipeline plain = new PlainPipeline();
            LogRouter.activate(plain);
            return new LoggingSession(settings, null, plain, null, null);
        }
        Target target = target(settings);
        AsyncLogSink sink = new AsyncLogSink(settings.level(), format(settings), target.stream, settings.queueSize(),
                DROP_REPORT_INTERVAL_MS, "telemetry-cdi-writer", target.owned, copy);
        sink.start();
        LogPipeline pipeline = spans == SpanAccess.NONE ? sink : new CorrelatingPipeline(sink, spans);
        LogRouter.activate(pipeline);
        CategoryBridge bridge = CategoryBridge.open(pipeline, settings.categories(), settings.level());
        return new LoggingSession(settings, sink, pipeline, bridge, SinkStats.register(sink, application));
    }

    /**
     * Writes the one {@code telemetry_initialized} line, whatever the level threshold.
     *
     * @param capabilitiesOff the labels of the optional capabilities that are off ({@code capabilities.off})
     * @param hooks           what the module hooked in the application ({@code hooks}) and could not
     *                        ({@code hooks.missed}, only when there is something)
     */
    void announceInitialized(List<String> capabilitiesOff, HookReport hooks) {
        Fields fields = effective(settings).with(FieldNames.CAPABILITIES_OFF, capabilitiesOff)
                .with(FieldNames.HOOKS, hooks.hooked());
        List<String> missed = hooks.missed();
        announce(pipeline, FieldNames.EVENT_TELEMETRY_INITIALIZED,
                missed.isEmpty() ? fields : fields.with(FieldNames.HOOKS_MISSED, missed));
    }

    /** Writes one {@code telemetry_hooked} line: {@code hooked}, hooked after {@code telemetry_initialized}. */
    void announceHooked(List<String> hooked) {
        announce(pipeline, FieldNames.EVENT_TELEMETRY_HOOKED, Fields.of(FieldNames.HOOKS, hooked));
    }

    /**
     * Writes one line about tracing, whatever the level threshold: {@code tracing_enabled} with where it exports, or
     * {@code tracing_disabled} with why. Header values ({@code OTEL_EXPORTER_OTLP_HEADERS}) are never written.
     * {@code tracing_enabled} also says whether the lines go out as OTLP log records ({@code telemetry.log.otlp}),
     * the effective {@code otel.logs.exporter}, and why not when they were asked for.
     */
    void announceTracing(TracingSwitch tracing, boolean apiVisible, OtlpLogs logs) {
        if (tracing.active() && apiVisible) {
            announce(pipeline, FieldNames.EVENT_TRACING_ENABLED, Fields.of(
                    TracingSwitch.ENDPOINT, tracing.endpoint().orElse(null),
                    TracingSwitch.SAMPLER_ARG, tracing.ratio()).withAll(logs.announced()));
            return;
        }
        String reason = tracing.offReason().orElse(
                "the OpenTelemetry API is not visible to the application (server feature mpTelemetry and"
                        + " apiTypeVisibility +third-party on Liberty)");
        announce(pipeline, FieldNames.EVENT_TRACING_DISABLED, Fields.of("reason", reason));
    }

    /** Writes the one {@code telemetry_disabled} line; nothing else of the module runs afterwards. */
    static void announceDisabled(TelemetrySettings settings) {
        if (!settings.structured()) {
            announce(new PlainPipeline(), FieldNames.EVENT_TELEMETRY_DISABLED, Fields.EMPTY);
            return;
        }
        Target target = target(settings);
        AsyncLogSink once = new AsyncLogSink(LogLevel.INFO, format(settings), target.stream, 16,
                DROP_REPORT_INTERVAL_MS, "telemetry-cdi-writer", target.owned);
        try {
            once.writeDirect(event(FieldNames.EVENT_TELEMETRY_DISABLED, Fields.EMPTY));
        } finally {
            once.close();
        }
    }

    /** Publishes a lifecycle line directly: a pipeline's publish does not apply the level threshold. */
    private static void announce(LogPipeline target, String event, Fields fields) {
        target.publish(event(event, fields));
    }

    private static LogEvent event(String name, Fields fields) {
        return new LogEvent(System.currentTimeMillis(), LogLevel.INFO, LOGGER, name, Fields.EMPTY, fields, null);
    }

    private static Fields effective(TelemetrySettings s) {
        return Fields.of(
                "mp.config.profile", s.profile().orElse(null),
                "log.level", s.level().name(),
                "log.format", s.format().label(),
                "structlog.enabled", s.structured(),
                "telemetry.log.categories", s.categories(),
                "telemetry.log.file", s.file().map(Path::toString).orElse(null),
                "telemetry.log.max-file-size", s.maxFileSizeMb(),
                "telemetry.log.max-files", s.maxFiles(),
                "telemetry.log.queue-size", s.queueSize(),
                "telemetry.labels.prefix", s.labelPrefix());
    }

    private static LineFormat format(TelemetrySettings settings) {
        if (settings.format() == LogFormat.PRETTY) {
            boolean colors = "always".equals(settings.color())
                    || ("auto".equals(settings.color()) && settings.file().isEmpty() && System.console() != null);
            return new PrettyLineFormat(colors);
        }
        return new JsonLineFormat();
    }

    private static Target target(TelemetrySettings settings) {
        if (settings.file().isPresent()) {
            Path file = settings.file().get();
            try {
                long maxBytes = settings.maxFileSizeMb() * 1024L * 1024L;
                return new Target(LogTargets.file(file, maxBytes, settings.maxFiles()), true);
            } catch (IOException | RuntimeException e) {
                TelemetryRuntime.DIAGNOSTICS.log(Level.WARNING, "TCDI0002W: Cannot open the log file " + file
                        + " (" + e + "); writing to standard output instead. Check telemetry.log.file"
                        + " (TELEMETRY_LOG_FILE) and the directory's permissions.");
            }
        }
        return new Target(LogTargets.console(), false);
    }

    @Override
    public void close() {
        if (bridge != null) {
            bridge.close();
        }
        LogRouter.deactivate(pipeline);
        if (sink == null) {
            return;
        }
        stats.close();
        sink.stop(DRAIN_TIMEOUT_MS);
    }

    private record Target(OutputStream stream, boolean owned) {
    }
}
