package dev.telemetrycdi.internal.tracing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Gives the server's MicroProfile Telemetry the application's tracing defaults ({@link TracingSwitch}) as a
 * configuration source of the WAR (ordinal {@value #ORDINAL}, below {@code microprofile-config.properties}): so
 * tracing is off unless opted in, and any {@code otel.*} value the application sets explicitly wins.
 *
 * <p>It reads the switch from system properties, the environment and the application's
 * {@code META-INF/microprofile-config.properties}, in MicroProfile Config's order, not through {@code Config}
 * (a source cannot ask the configuration it is part of). Profile-specific keys ({@code %prod.otel.enabled}) are not
 * seen by it: use the environment for per-environment tracing.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public class TracingConfigSource implements ConfigSource {
    static final int ORDINAL = 90;
    private static final Set<String> KEYS = Set.of(TracingSwitch.SDK_DISABLED, TracingSwitch.SAMPLER,
            TracingSwitch.SAMPLER_ARG, TracingSwitch.LOGS_EXPORTER);

    private final TracingSwitch tracing;

    public TracingConfigSource() {
        this(readSwitch(TracingConfigSource.class.getClassLoader()));
    }

    /** The application's tracing switch, looked up as this source does. */
    public static TracingSwitch readSwitch(ClassLoader application) {
        return TracingSwitch.read(new Lookup(application)::find);
    }

    TracingConfigSource(TracingSwitch tracing) {
        this.tracing = tracing;
    }

    @Override
    public Set<String> getPropertyNames() {
        return KEYS;
    }

    @Override
    public String getValue(String key) {
        return KEYS.contains(key) ? tracing.value(key).orElse(null) : null;
    }

    @Override
    public String getName() {
        return "telemetry-cdi tracing defaults";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    /** Looks a key up as MicroProfile Config would, in the sources it has before this one. */
    static final class Lookup {
        private final Properties application = new Properties();

        Lookup(ClassLoader loader) {
            try {
                Enumeration<URL> files = loader.getResources("META-INF/microprofile-config.properties");
                while (files.hasMoreElements()) {
                    try (InputStream in = files.nextElement().openStream()) {
                        Properties file = new Properties();
                        file.load(in);
                        file.forEach(application::putIfAbsent);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no application properties: the environment and system properties still count
            }
        }

        Optional<String> find(String key) {
            String value = System.getProperty(key);
            if (value == null) {
                value = environment(key);
            }
            if (value == null) {
                value = application.getProperty(key);
            }
            return Optional.ofNullable(value);
        }

        private static String environment(String key) {
            Map<String, String> env = System.getenv();
            String sanitized = key.replaceAll("[^A-Za-z0-9]", "_");
            String value = env.get(key);
            if (value == null) {
                value = env.get(sanitized);
            }
            return value != null ? value : env.get(sanitized.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
