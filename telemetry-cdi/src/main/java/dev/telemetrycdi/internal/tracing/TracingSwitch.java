package dev.telemetrycdi.internal.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The design's opt-in for tracing, turned into the {@code otel.*} values the server's MicroProfile Telemetry reads:
 * the SDK runs for the application only when {@code OTEL_ENABLED} is true <em>and</em> an OTLP endpoint is set;
 * sampling is parent-based with ratio {@code OTEL_TRACES_SAMPLER_ARG} (0.1 unless a valid ratio is given).
 *
 * <p>Internal API: may change without notice. Immutable.
 *
 * @param optedIn  {@code otel.enabled} / {@code OTEL_ENABLED} is true
 * @param endpoint the OTLP endpoint, if set
 * @param ratio    the sampling ratio in use
 * @param problems what was wrong with the given values (message ids TCDI0003W)
 */
public record TracingSwitch(boolean optedIn, Optional<String> endpoint, double ratio, List<String> problems) {
    public static final String ENABLED = "otel.enabled";
    public static final String ENDPOINT = "otel.exporter.otlp.endpoint";
    public static final String SAMPLER = "otel.traces.sampler";
    public static final String SAMPLER_ARG = "otel.traces.sampler.arg";
    public static final String SDK_DISABLED = "otel.sdk.disabled";
    public static final String HEADERS = "otel.exporter.otlp.headers";
    static final double DEFAULT_RATIO = 0.1;

    /** Reads the switch from a key lookup (environment, system properties, the application's properties). */
    public static TracingSwitch read(Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        boolean optedIn = lookup.apply(ENABLED).map(v -> v.trim().toLowerCase(Locale.ROOT))
                .map(v -> v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("on")).orElse(false);
        Optional<String> endpoint = lookup.apply(ENDPOINT).map(String::trim).filter(v -> !v.isEmpty());
        double ratio = DEFAULT_RATIO;
        Optional<String> arg = lookup.apply(SAMPLER_ARG).map(String::trim).filter(v -> !v.isEmpty());
        if (arg.isPresent()) {
            Double parsed = ratio(arg.get());
            if (parsed == null) {
                problems.add("TCDI0003W: Invalid value '" + printable(arg.get()) + "' for " + SAMPLER_ARG
                        + " (environment variable OTEL_TRACES_SAMPLER_ARG): a ratio from 0 to 1 is needed."
                        + " Sampling " + DEFAULT_RATIO + " of the traces instead.");
            } else {
                ratio = parsed;
            }
        }
        return new TracingSwitch(optedIn, endpoint, ratio, List.copyOf(problems));
    }

    /** Whether the SDK runs: opted in and an endpoint to export to. */
    public boolean active() {
        return optedIn && endpoint.isPresent();
    }

    /** The {@code otel.*} defaults this switch gives the runtime (explicit {@code otel.*} values win over them). */
    public Optional<String> value(String key) {
        switch (key) {
            case SDK_DISABLED: return Optional.of(Boolean.toString(!active()));
            case SAMPLER: return Optional.of("parentbased_traceidratio");
            case SAMPLER_ARG: return Optional.of(Double.toString(ratio));
            case "otel.logs.exporter": return Optional.of("none");
            default: return Optional.empty();
        }
    }

    /** Why tracing is off, or empty when it is on. */
    public Optional<String> offReason() {
        if (!optedIn) {
            return Optional.of("OTEL_ENABLED is not true");
        }
        return endpoint.isPresent() ? Optional.empty()
                : Optional.of("OTEL_ENABLED is true but no OTEL_EXPORTER_OTLP_ENDPOINT is set");
    }

    private static Double ratio(String text) {
        try {
            double value = Double.parseDouble(text);
            return value >= 0 && value <= 1 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }
}
