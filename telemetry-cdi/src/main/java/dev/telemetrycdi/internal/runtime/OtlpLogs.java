package dev.telemetrycdi.internal.runtime;

import dev.telemetrycdi.TelemetrySettings;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.LineCopy;
import dev.telemetrycdi.internal.tracing.TracingSwitch;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * Whether this run also sends its structured lines as OTLP log records ({@code telemetry.log.otlp}), decided once at
 * start-up, with the output that does it and what the {@code tracing_enabled} line says about it: on only when asked
 * for, with tracing active, structured output on, and a logs exporter that is not {@code none} (the module's default
 * is {@code otlp} then; an application or environment that sets {@code otel.logs.exporter=none} wins, and the line
 * says so).
 *
 * <p>Internal API: may change without notice. Immutable.
 *
 * @param copy      the output of the records; {@link LineCopy#NONE} when off
 * @param exporter  the effective {@code otel.logs.exporter}, if tracing is active
 * @param offReason why records are not sent although asked for
 */
record OtlpLogs(LineCopy copy, Optional<String> exporter, Optional<String> offReason) {
    static final String SETTING = "telemetry.log.otlp";
    static final String REASON = "telemetry.log.otlp.reason";

    static OtlpLogs decide(TracingSwitch tracing, TelemetrySettings settings, Optional<String> exporter,
                           Supplier<LineCopy> open) {
        Optional<String> shown = tracing.active() ? Optional.of(exporter.orElse("otlp")) : Optional.empty();
        if (!tracing.logsRequested()) {
            return new OtlpLogs(LineCopy.NONE, shown, Optional.empty());
        }
        Optional<String> off = tracing.logsOffReason();
        if (off.isEmpty() && !settings.structured()) {
            off = Optional.of("structlog.enabled is false: the server exports its own records");
        }
        if (off.isEmpty() && shown.filter(OtlpLogs::exportsNothing).isPresent()) {
            off = Optional.of("otel.logs.exporter=none is set by the application or the environment");
        }
        if (off.isPresent()) {
            return new OtlpLogs(LineCopy.NONE, shown, off);
        }
        try {
            return new OtlpLogs(open.get(), shown, Optional.empty());
        } catch (RuntimeException | LinkageError e) {
            TelemetryRuntime.DIAGNOSTICS.log(Level.WARNING, "TCDI0012W: telemetry-cdi cannot emit its lines as"
                    + " OpenTelemetry log records: the runtime offers no OpenTelemetry logs bridge to the application ("
                    + e + "). The lines are still written.", e);
            return new OtlpLogs(LineCopy.NONE, shown, Optional.of("the runtime offers no OpenTelemetry logs bridge"));
        }
    }

    /** Whether the records go out. */
    boolean on() {
        return copy != LineCopy.NONE;
    }

    /** What the {@code tracing_enabled} line says about log records. */
    Fields announced() {
        Fields fields = Fields.of(SETTING, on(), TracingSwitch.LOGS_EXPORTER, exporter.orElse(null));
        return offReason.map(reason -> fields.with(REASON, reason)).orElse(fields);
    }

    private static boolean exportsNothing(String exporter) {
        return Arrays.stream(exporter.split(",")).map(String::trim).allMatch(e -> e.isEmpty() || e.equals("none"));
    }
}
