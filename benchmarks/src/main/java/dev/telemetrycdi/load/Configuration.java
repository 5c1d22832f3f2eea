package dev.telemetrycdi.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server set-ups compared by {@link LoadHarness}. All serve the same sample WAR on the same Open Liberty; they differ
 * only in the server's environment and JVM options.
 */
enum Configuration {
    OFF("1 module off (TELEMETRY_ENABLED=false), baseline"),
    JSON("2 module on, JSON lines at INFO"),
    TRACED("3 as 2 + tracing, default ratio 0.1, local OTLP receiver"),
    COLLECTOR_DOWN("4 as 3, collector down (connection refused)"),
    RUNTIME_TRACING("3b tracing as 3 with the module off: the runtime's own share"),
    AGENT("5 OpenTelemetry Java agent, module off, same receiver");

    private final String label;

    Configuration(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The configuration's number in the issue and the docs: 1, 2, 3, 3b, 4 or 5. */
    String number() {
        return label.substring(0, label.indexOf(' '));
    }

    /** The configurations named by their numbers, comma-separated ({@code 1,2}), in this enum's order. */
    static List<Configuration> numbered(String numbers) {
        List<String> wanted = List.of(numbers.split(","));
        List<Configuration> chosen = Arrays.stream(values()).filter(c -> wanted.contains(c.number())).toList();
        if (chosen.size() != wanted.size()) {
            throw new IllegalArgumentException("unknown configuration in " + numbers + "; known: 1, 2, 3, 4, 3b, 5");
        }
        return chosen;
    }

    /** The server's environment ({@code server.env}). */
    Map<String, String> environment(String receiver, String closed) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MP_CONFIG_PROFILE", "test"); // JSON lines at INFO
        if (this == OFF || this == AGENT || this == RUNTIME_TRACING) {
            env.put("TELEMETRY_ENABLED", "false");
        }
        if (this == TRACED || this == COLLECTOR_DOWN) {
            env.put("OTEL_ENABLED", "true");
        }
        if (this == TRACED || this == COLLECTOR_DOWN || this == RUNTIME_TRACING) {
            env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", this == COLLECTOR_DOWN ? closed : receiver);
        }
        return env;
    }

    /**
     * {@code otel.*} values the WAR's own {@code microprofile-config.properties} gets: for 3b, the SDK settings the
     * module's opt-in gives configuration 3 ({@code TracingSwitch}), set by the application itself, because
     * {@code TELEMETRY_ENABLED=false} switches the module's opt-in off too. They are application-level (app mode):
     * {@code OTEL_SDK_DISABLED=false} in the server's environment would be Liberty's runtime mode instead.
     */
    Map<String, String> applicationConfig() {
        if (this != RUNTIME_TRACING) {
            return Map.of();
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("otel.sdk.disabled", "false");
        config.put("otel.traces.sampler", "parentbased_traceidratio");
        config.put("otel.traces.sampler.arg", "0.1");
        config.put("otel.logs.exporter", "none");
        return config;
    }

    /**
     * The JVM options ({@code jvm.options}): the agent and its settings for {@link #AGENT} (as system properties, so that
     * Liberty's own MicroProfile Telemetry does not take them for server-level settings), none otherwise.
     */
    List<String> jvmOptions(Path agent, String receiver) {
        if (this != AGENT) {
            return List.of();
        }
        return List.of("-javaagent:" + agent.toAbsolutePath(),
                "-Dotel.service.name=dtx-backend",
                "-Dotel.exporter.otlp.protocol=http/protobuf",
                "-Dotel.exporter.otlp.endpoint=" + receiver,
                "-Dotel.traces.sampler=parentbased_traceidratio",
                "-Dotel.traces.sampler.arg=0.1",
                "-Dotel.metrics.exporter=none",
                "-Dotel.logs.exporter=none",
                "-Dotel.instrumentation.common.mdc.enabled=true");
    }
}
