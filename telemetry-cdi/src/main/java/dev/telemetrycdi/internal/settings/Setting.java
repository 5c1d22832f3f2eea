package dev.telemetrycdi.internal.settings;

import java.util.Locale;

/**
 * Every setting the module reads: its MicroProfile Config property, type, default per profile and meaning.
 * {@code docs/telemetry/reference.md} lists exactly these (a test keeps the two in step). The environment
 * variable is MicroProfile Config's standard mapping of the property ({@code log.level} → {@code LOG_LEVEL}).
 *
 * <p>Internal API: may change without notice.
 */
public enum Setting {
    ENABLED("telemetry.enabled", "boolean", "true", "true", "true", "true",
            "Master switch. false: one telemetry_disabled line at start-up, then the module does nothing (tracing stays off even when opted in)."),
    LOG_LEVEL("log.level", "level", "INFO", "DEBUG", "INFO", "ERROR",
            "Minimum level of structured lines: TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL."),
    LOG_FORMAT("log.format", "json|pretty", "json", "pretty", "json", "json",
            "json: one JSON object per line. pretty: structlog-style console line."),
    STRUCTLOG_ENABLED("structlog.enabled", "boolean", "true", "true", "true", "true",
            "false: plain one-line text through the server's own logging, no structured output."),
    LOG_CATEGORIES("telemetry.log.categories", "list", "", "", "", "",
            "Logger categories (comma-separated prefixes) whose java.util.logging / JBoss Logging records are rendered in the same format."),
    LOG_FILE("telemetry.log.file", "path", "", "", "", "",
            "Write lines to this file (appended) instead of standard output; rotated by size, and reopened when an external logrotate moves or truncates it."),
    LOG_MAX_FILE_SIZE("telemetry.log.max-file-size", "int MB 0..1048576", "20", "20", "20", "20",
            "With telemetry.log.file: the size in MB at which the file is rotated (file → file.1 → file.2 …), between whole lines; 0 for no rotation (an external logrotate)."),
    LOG_MAX_FILES("telemetry.log.max-files", "int 1..1000", "5", "2", "2", "5",
            "With telemetry.log.file and rotation: how many rotated files are kept besides the file itself; the oldest is deleted."),
    LOG_QUEUE_SIZE("telemetry.log.queue-size", "int 16..1048576", "8192", "8192", "8192", "8192",
            "Capacity of the asynchronous hand-off to the writer thread; lines beyond it are dropped and counted."),
    LOG_OTLP("telemetry.log.otlp", "boolean", "false", "false", "false", "false",
            "With tracing on and structlog.enabled=true: every structured line is also exported as one OTLP log record through the server's OpenTelemetry (otel.logs.exporter then defaults to otlp)."),
    LOG_COLOR("telemetry.log.color", "auto|always|never", "auto", "auto", "auto", "auto",
            "ANSI colours in the pretty format; auto colours only when the server has a console (System.console()) and no log file is set."),
    LABELS_PREFIX("telemetry.labels.prefix", "path", "/", "/", "/", "/",
            "Path prefix (relative to the context root, with the JAX-RS application path) under which labels are taken from paths and route templates; / for the whole path."),
    LABELS_RESOURCES("telemetry.labels.resources", "mapping", "none", "none", "none", "none",
            "segment:label pairs for resources whose next path segment is their id (gives <label>.id), on top of the route-template rule and winning over it; none for no resources."),
    LABELS_TAGS("telemetry.labels.tags", "mapping", "none", "none", "none", "none",
            "segment:label pairs for path segments that add a label but never an id, winning over the route-template rule; none for no tags."),
    LABELS_WEBSOCKET_PREFIX("telemetry.labels.websocket-prefix", "path", "/", "/", "/", "/",
            "Path prefix (relative to the context root) under which WebSocket endpoint paths give labels; / for the whole path."),
    WEBSOCKET_MESSAGE_SPANS("telemetry.websocket.message-spans", "boolean", "false", "false", "false", "false",
            "With tracing on: one span per WebSocket message handled, a child of the connection's handshake trace."),
    OTEL_ENABLED("otel.enabled", "boolean", "false", "false", "false", "false",
            "Opt-in for tracing: with an OTLP endpoint set, the server's MicroProfile Telemetry SDK runs for the application."),
    OTEL_SERVICE_NAME("otel.service.name", "string", "", "", "", "",
            "service.name of the exported spans (read by the runtime)."),
    OTEL_EXPORTER_OTLP_ENDPOINT("otel.exporter.otlp.endpoint", "url", "", "", "", "",
            "Where spans are exported (read by the runtime); without it tracing stays off, and says why once."),
    OTEL_EXPORTER_OTLP_HEADERS("otel.exporter.otlp.headers", "key=value list", "", "", "", "",
            "Headers of the export requests, e.g. authentication (read by the runtime); never written to any output."),
    OTEL_TRACES_SAMPLER_ARG("otel.traces.sampler.arg", "ratio 0..1", "0.1", "0.1", "0.1", "0.1",
            "Sampling ratio of root traces (parent-based); an invalid value gives TCDI0001W and 0.1.");

    private final String property;
    private final String type;
    private final String defaultNoProfile;
    private final String defaultDev;
    private final String defaultTest;
    private final String defaultProd;
    private final String meaning;

    Setting(String property, String type, String defaultNoProfile, String defaultDev, String defaultTest,
            String defaultProd, String meaning) {
        this.property = property;
        this.type = type;
        this.defaultNoProfile = defaultNoProfile;
        this.defaultDev = defaultDev;
        this.defaultTest = defaultTest;
        this.defaultProd = defaultProd;
        this.meaning = meaning;
    }

    public String property() {
        return property;
    }

    /** The environment variable MicroProfile Config maps to the property. */
    public String envVar() {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public String type() {
        return type;
    }

    public String meaning() {
        return meaning;
    }

    /** The default under {@code profile} ({@code dev}, {@code test}, {@code prod}; anything else: no profile). */
    public String defaultFor(String profile) {
        if (profile == null) {
            return defaultNoProfile;
        }
        switch (profile) {
            case "dev": return defaultDev;
            case "test": return defaultTest;
            case "prod": return defaultProd;
            default: return defaultNoProfile;
        }
    }
}
