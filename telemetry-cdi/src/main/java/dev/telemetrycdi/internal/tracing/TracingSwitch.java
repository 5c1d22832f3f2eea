package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.internal.settings.Setting;
import dev.telemetrycdi.internal.settings.SettingReader;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The opt-in for tracing ({@code OTEL_ENABLED}), turned into the {@code otel.*} values the server's MicroProfile Telemetry reads:
 * the SDK runs for the application only when the module is on, {@code OTEL_ENABLED} is true <em>and</em> an OTLP
 * endpoint is set;
 * sampling is parent-based with ratio {@code OTEL_TRACES_SAMPLER_ARG} (0.1 unless a valid ratio is given).
 *
 * <p>Internal API: may change without notice. Immutable.
 *
 * @param moduleOn {@code telemetry.enabled} / {@code TELEMETRY_ENABLED} is true: the module runs at all
 * @param optedIn  {@code otel.enabled} / {@code OTEL_ENABLED} is true
 * @param endpoint the OTLP endpoint, if set
 * @param ratio    the sampling ratio in use
 * @param ratioCorrected the configured ratio was invalid: {@code ratio} is the default, supplied above every source
 * @param logsRequested {@code telemetry.log.otlp} / {@code TELEMETRY_LOG_OTLP} is true
 * @param structured {@code structlog.enabled} is true (read here too, without reporting its problems twice)
 * @param problems what was wrong with the given values (message id TCDI0001W)
 */
public record TracingSwitch(boolean moduleOn, boolean optedIn, Optional<String> endpoint, double ratio,
                            boolean ratioCorrected, boolean logsRequested, boolean structured,
                            List<String> problems) {
    public static final String ENABLED = "otel.enabled";
    public static final String ENDPOINT = "otel.exporter.otlp.endpoint";
    public static final String SAMPLER = "otel.traces.sampler";
    public static final String SAMPLER_ARG = "otel.traces.sampler.arg";
    public static final String SDK_DISABLED = "otel.sdk.disabled";
    public static final String HEADERS = "otel.exporter.otlp.headers";
    public static final String LOGS_EXPORTER = "otel.logs.exporter";

    /**
     * Reads the switch from a key lookup (environment, system properties, the application's properties) by the
     * rules of every other setting ({@link SettingReader}: an invalid {@code OTEL_ENABLED} or ratio is reported as
     * {@code TCDI0001W} and replaced by its default). With the module switched off ({@code telemetry.enabled=false},
     * whose own invalid value the module's settings report), tracing is off too.
     */
    public static TracingSwitch read(Function<String, Optional<String>> lookup) {
        boolean moduleOn = new SettingReader(lookup).bool(Setting.ENABLED);
        boolean structured = new SettingReader(lookup).bool(Setting.STRUCTLOG_ENABLED);
        SettingReader settings = new SettingReader(lookup);
        boolean optedIn = settings.bool(Setting.OTEL_ENABLED);
        Optional<String> endpoint = settings.text(Setting.OTEL_EXPORTER_OTLP_ENDPOINT);
        int before = settings.problems().size();
        double ratio = settings.ratio(Setting.OTEL_TRACES_SAMPLER_ARG);
        boolean ratioCorrected = settings.problems().size() > before;
        boolean logs = settings.bool(Setting.LOG_OTLP);
        return new TracingSwitch(moduleOn, optedIn, endpoint, ratio, ratioCorrected, logs, structured,
                settings.problems());
    }

    /** Whether the SDK runs: the module on, opted in, and an endpoint to export to. */
    public boolean active() {
        return moduleOn && optedIn && endpoint.isPresent();
    }

    /**
     * Whether the module exports its structured lines as OTLP log records ({@code telemetry.log.otlp}): only with
     * tracing active and structured output on. In plain mode the lines are the server's own records, which the
     * server exports itself once its logs exporter is on.
     */
    public boolean logsExported() {
        return logsRequested && structured && active();
    }

    /** Why {@code telemetry.log.otlp=true} has no effect, or empty when it has (or is not asked for). */
    public Optional<String> logsOffReason() {
        if (!logsRequested || logsExported()) {
            return Optional.empty();
        }
        return Optional.of(!structured ? "structlog.enabled is false: the server exports its own records"
                : "tracing is off: " + offReason().orElse(""));
    }

    /** The {@code otel.*} defaults this switch gives the runtime (explicit {@code otel.*} values win over them). */
    public Optional<String> value(String key) {
        switch (key) {
            case SDK_DISABLED: return Optional.of(Boolean.toString(!active()));
            case SAMPLER: return Optional.of("parentbased_traceidratio");
            case SAMPLER_ARG: return Optional.of(Double.toString(ratio));
            case LOGS_EXPORTER: return Optional.of(logsExported() ? "otlp" : "none");
            default: return Optional.empty();
        }
    }

    /** Why tracing is off, or empty when it is on. */
    public Optional<String> offReason() {
        if (!moduleOn) {
            return Optional.of("TELEMETRY_ENABLED is false");
        }
        if (!optedIn) {
            return Optional.of("OTEL_ENABLED is not true");
        }
        return endpoint.isPresent() ? Optional.empty()
                : Optional.of("OTEL_ENABLED is true but no OTEL_EXPORTER_OTLP_ENDPOINT is set");
    }
}
