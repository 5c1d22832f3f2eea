package dev.telemetrycdi.internal.tracing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Set;

/**
 * Replaces an invalid sampling ratio, wherever it was given, by the one {@link TracingSwitch} uses (0.1), so that
 * the SDK never falls back silently to another sampler. Empty when the ratio is valid or not given.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public class TracingCorrectionSource implements ConfigSource {
    static final int ORDINAL = 1000;

    private final TracingSwitch tracing;

    public TracingCorrectionSource() {
        this(TracingConfigSource.readSwitch(TracingCorrectionSource.class.getClassLoader()));
    }

    TracingCorrectionSource(TracingSwitch tracing) {
        this.tracing = tracing;
    }

    @Override
    public Set<String> getPropertyNames() {
        return tracing.ratioCorrected() ? Set.of(TracingSwitch.SAMPLER_ARG) : Set.of();
    }

    @Override
    public String getValue(String key) {
        return tracing.ratioCorrected() && TracingSwitch.SAMPLER_ARG.equals(key)
                ? tracing.value(key).orElse(null) : null;
    }

    @Override
    public String getName() {
        return "telemetry-cdi tracing corrections";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
