package dev.telemetrycdi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module's effective settings, read once from MicroProfile Config at application start and validated
 * then; see {@code docs/telemetry/reference.md} for every key, its environment variable and its defaults.
 * Inject it to read what the module is running with.
 *
 * @param enabled        master switch ({@code TELEMETRY_ENABLED})
 * @param profile        the active MicroProfile Config profile, or empty
 * @param level          minimum level of structured lines ({@code LOG_LEVEL})
 * @param format         {@code json} or {@code pretty} ({@code LOG_FORMAT})
 * @param structured     structured output on; off means plain text through the server's logging
 * @param categories     logger categories whose JUL / JBoss Logging records are rendered too
 * @param file           a file to write to instead of standard output
 * @param maxFileSizeMb  the size in MB at which {@code file} is rotated; 0 for no rotation
 * @param maxFiles       how many rotated files are kept besides {@code file}
 * @param queueSize      capacity of the asynchronous hand-off; lines beyond it are dropped and counted
 * @param color          ANSI colours in the pretty format: {@code auto} (only on a terminal), {@code always}, {@code never}
 * @param labelPrefix    path prefix under which labels are taken, e.g. {@code /api}; {@code /} for the whole path
 * @param labelResources path segment to label, for resources whose next segment is their id
 * @param labelTags      path segment to label, for segments that never carry an id
 * @param webSocketPrefix path prefix under which WebSocket paths give labels, e.g. {@code /ws}; {@code /} for all
 * @param webSocketMessageSpans one span per WebSocket message, child of the connection's trace (tracing on only)
 */
public record TelemetrySettings(
        boolean enabled,
        Optional<String> profile,
        LogLevel level,
        LogFormat format,
        boolean structured,
        List<String> categories,
        Optional<Path> file,
        int maxFileSizeMb,
        int maxFiles,
        int queueSize,
        String color,
        String labelPrefix,
        Map<String, String> labelResources,
        Map<String, String> labelTags,
        String webSocketPrefix,
        boolean webSocketMessageSpans) {

    public TelemetrySettings {
        categories = List.copyOf(categories);
        labelResources = Map.copyOf(labelResources);
        labelTags = Map.copyOf(labelTags);
    }
}
