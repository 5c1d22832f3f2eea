package dev.telemetrycdi.load;

import dev.telemetrycdi.internal.settings.Setting;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The server set-ups compared by {@link LoadHarness}. All serve the same sample WAR, on Open Liberty or (the numbers
 * starting with W) on WildFly; on one server they differ only in the server's environment, JVM options and logging
 * configuration. With the module off ({@code TELEMETRY_ENABLED=false}) the sample's one line per request is written by
 * the same {@code EventLogger} call through {@code java.util.logging}, i.e. by the server's own logging.
 */
enum Configuration {
    OFF("1 module off (TELEMETRY_ENABLED=false), baseline"),
    JSON("2 module on, JSON lines at INFO"),
    TRACED("3 as 2 + tracing, default ratio 0.1, local OTLP receiver"),
    COLLECTOR_DOWN("4 as 3, collector down (connection refused)"),
    RUNTIME_TRACING("3b tracing as 3 with the module off: the runtime's own share"),
    AGENT("5 OpenTelemetry Java agent, module off, same receiver"),
    SERVER_JSON("6 module off, Liberty's JSON console with the access log, the application's line through JUL"),
    LOGS_EXPORTED("7 as 3 + OTLP logs export (TELEMETRY_LOG_OTLP=true)"),
    WILDFLY_JSON("W2 WildFly, module on, JSON lines at INFO"),
    WILDFLY_TRACED("W3 WildFly, as W2 + tracing, default ratio 0.1, local OTLP receiver"),
    WILDFLY_SERVER_JSON("W6 WildFly, module off, json-formatter console with Undertow's access log, the application's"
            + " line through JUL"),
    WILDFLY_LOGS_EXPORTED("W7 WildFly, as W3 + OTLP logs export (TELEMETRY_LOG_OTLP=true)");

    /** The module's opt-in to export its lines as OTLP log records (issue 15); tracing must be on too. */
    static final String LOG_OTLP = "TELEMETRY_LOG_OTLP";

    private static final Set<Configuration> MODULE_OFF = EnumSet.of(OFF, RUNTIME_TRACING, AGENT, SERVER_JSON,
            WILDFLY_SERVER_JSON);
    private static final Set<Configuration> TRACING = EnumSet.of(TRACED, COLLECTOR_DOWN, LOGS_EXPORTED, WILDFLY_TRACED,
            WILDFLY_LOGS_EXPORTED);
    private static final Set<Configuration> LOGS_EXPORT = EnumSet.of(LOGS_EXPORTED, WILDFLY_LOGS_EXPORTED);

    private final String label;

    Configuration(String label) {
        this.label = label;
    }

    /** The application server it runs on. */
    enum Server {
        LIBERTY, WILDFLY
    }

    Server server() {
        return number().startsWith("W") ? Server.WILDFLY : Server.LIBERTY;
    }

    /** The configuration the same server measures with the module off, for the "vs baseline" columns. */
    Configuration baseline() {
        return server() == Server.WILDFLY ? WILDFLY_SERVER_JSON : OFF;
    }

    /** Open Liberty: an {@code <httpAccessLogging>} on the endpoint. */
    boolean libertyAccessLog() {
        return this == SERVER_JSON;
    }

    /** WildFly: the file of {@code standalone/configuration} it runs ({@link WildFlyConfigs}). */
    String wildFlyConfig() {
        return this == WILDFLY_SERVER_JSON ? WildFlyConfigs.SERVER_JSON : WildFlyConfigs.TELEMETRY;
    }

    /** Whether its server writes JSON lines of its own (the server's JSON logging) rather than the module. */
    boolean serverJson() {
        return this == SERVER_JSON || this == WILDFLY_SERVER_JSON;
    }

    boolean exportsLogs() {
        return LOGS_EXPORT.contains(this);
    }

    /** Whether the module on the class path (the one the sample bundles) has the setting {@value #LOG_OTLP}. */
    static boolean logOtlpKnown() {
        return Arrays.stream(Setting.values()).anyMatch(setting -> setting.envVar().equals(LOG_OTLP));
    }

    String label() {
        return label;
    }

    /** The configuration's number in the issues and the docs: 1, 2, 3, 3b, 4, 5, 6, 7, W2, W3, W6 or W7. */
    String number() {
        return label.substring(0, label.indexOf(' '));
    }

    /** The configurations named by their numbers, comma-separated ({@code 1,2}), in this enum's order. */
    static List<Configuration> numbered(String numbers) {
        List<String> wanted = List.of(numbers.split(","));
        List<Configuration> chosen = Arrays.stream(values()).filter(c -> wanted.contains(c.number())).toList();
        if (chosen.size() != wanted.size()) {
            throw new IllegalArgumentException("unknown configuration in " + numbers + "; known: "
                    + Arrays.stream(values()).map(Configuration::number).collect(Collectors.joining(", ")));
        }
        return chosen;
    }

    /**
     * The server's environment (Liberty's {@code server.env}, WildFly's process environment). For 6, Liberty's JSON
     * console as a container user switches it on: {@code consoleFormat=json}, the access log and messages at INFO
     * (the application's {@code java.util.logging} line) in it; {@code messages.log} stays as it is.
     */
    Map<String, String> environment(String receiver, String closed) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MP_CONFIG_PROFILE", "test"); // JSON lines at INFO
        if (MODULE_OFF.contains(this)) {
            env.put("TELEMETRY_ENABLED", "false");
        }
        if (TRACING.contains(this)) {
            env.put("OTEL_ENABLED", "true");
        }
        if (TRACING.contains(this) || this == RUNTIME_TRACING) {
            env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", this == COLLECTOR_DOWN ? closed : receiver);
        }
        if (LOGS_EXPORT.contains(this)) {
            env.put(LOG_OTLP, "true");
        }
        if (this == SERVER_JSON) {
            env.put("WLP_LOGGING_CONSOLE_FORMAT", "JSON");
            env.put("WLP_LOGGING_CONSOLE_SOURCE", "message,accessLog");
            env.put("WLP_LOGGING_CONSOLE_LOGLEVEL", "INFO");
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
