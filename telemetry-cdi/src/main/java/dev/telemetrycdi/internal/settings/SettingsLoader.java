package dev.telemetrycdi.internal.settings;

import dev.telemetrycdi.LogFormat;
import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.TelemetrySettings;
import dev.telemetrycdi.internal.labels.LabelRules;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@link TelemetrySettings} from a key lookup (MicroProfile Config in the server), applying the defaults of
 * the active profile where a key is absent. A value that does not parse never stops the application: it is
 * replaced by the default and reported in {@link Result#problems()}, one message per key.
 *
 * <p>Internal API: may change without notice.
 */
public final class SettingsLoader {
    /** The MicroProfile Config key that names the active profile. */
    public static final String PROFILE_PROPERTY = SettingReader.PROFILE_PROPERTY;

    private static final int MIN_QUEUE = 16;
    private static final int MAX_QUEUE = 1 << 20;
    private static final int MAX_FILE_SIZE_MB = 1 << 20;
    private static final int MAX_FILES = 1000;

    private final SettingReader reader;
    private final String profile;

    private SettingsLoader(Function<String, Optional<String>> lookup) {
        this.reader = new SettingReader(lookup);
        this.profile = reader.profile();
    }

    /** Settings and the problems found reading them. */
    public record Result(TelemetrySettings settings, List<String> problems) {
    }

    /** Loads the settings; {@code lookup} answers a property name with its configured value, if any. */
    public static Result load(Function<String, Optional<String>> lookup) {
        SettingsLoader loader = new SettingsLoader(lookup);
        TelemetrySettings settings = loader.read();
        return new Result(settings, loader.reader.problems());
    }

    private TelemetrySettings read() {
        boolean enabled = bool(Setting.ENABLED);
        LogLevel level = parsed(Setting.LOG_LEVEL, LogLevel::parse,
                "TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL");
        LogFormat format = parsed(Setting.LOG_FORMAT, LogFormat::parse, "json, pretty");
        boolean structured = bool(Setting.STRUCTLOG_ENABLED);
        List<String> categories = list(Setting.LOG_CATEGORIES);
        Optional<Path> file = path(Setting.LOG_FILE);
        int maxFileSizeMb = integer(Setting.LOG_MAX_FILE_SIZE, 0, MAX_FILE_SIZE_MB);
        int maxFiles = integer(Setting.LOG_MAX_FILES, 1, MAX_FILES);
        int queueSize = integer(Setting.LOG_QUEUE_SIZE, MIN_QUEUE, MAX_QUEUE);
        String color = parsed(Setting.LOG_COLOR, SettingsLoader::color, "auto, always, never");
        LabelRules labels = labelRules();
        return new TelemetrySettings(enabled, Optional.ofNullable(profile), level, format, structured, categories,
                file, maxFileSizeMb, maxFiles, queueSize, color, wholePathAsSlash(labels.prefix()), labels.resources(), labels.tags(),
                prefix(Setting.LABELS_WEBSOCKET_PREFIX), bool(Setting.WEBSOCKET_MESSAGE_SPANS));
    }

    /** A label prefix, normalised ({@code /api}, or {@code /} for the whole path); an invalid one: its default. */
    private String prefix(Setting setting) {
        String prefix = raw(setting);
        try {
            return wholePathAsSlash(LabelRules.of(prefix, Map.of(), Map.of()).prefix());
        } catch (IllegalArgumentException e) {
            String fallback = setting.defaultFor(profile);
            reject(setting, prefix, fallback, e.getMessage());
            return wholePathAsSlash(LabelRules.of(fallback, Map.of(), Map.of()).prefix());
        }
    }

    private static String wholePathAsSlash(String normalised) {
        return normalised.isEmpty() ? "/" : normalised;
    }

    /** The label rules; each key falls back to its default alone, and a conflicting pair to both defaults. */
    private LabelRules labelRules() {
        String prefix = prefix(Setting.LABELS_PREFIX);
        Map<String, String> resources = mapping(Setting.LABELS_RESOURCES);
        Map<String, String> tags = mapping(Setting.LABELS_TAGS);
        try {
            return LabelRules.of(prefix, resources, tags);
        } catch (IllegalArgumentException e) {
            reject(Setting.LABELS_TAGS, LabelRules.format(tags), Setting.LABELS_TAGS.defaultFor(profile),
                    e.getMessage() + " (with " + Setting.LABELS_RESOURCES.property() + ", both use their defaults)");
            return LabelRules.of(prefix, mapping(Setting.LABELS_RESOURCES.defaultFor(profile)),
                    mapping(Setting.LABELS_TAGS.defaultFor(profile)));
        }
    }

    private String raw(Setting setting) {
        return reader.raw(setting);
    }

    private <T> T parsed(Setting setting, Function<String, Optional<T>> parser, String allowed) {
        return reader.parsed(setting, parser, allowed);
    }

    private boolean bool(Setting setting) {
        return reader.bool(setting);
    }

    private List<String> list(Setting setting) {
        String value = raw(setting);
        if (value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private Optional<Path> path(Setting setting) {
        String value = raw(setting);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            reject(setting, value, "standard output", "not a valid path");
            return Optional.empty();
        }
    }

    /** An integer from {@code min} to {@code max}; anything else: its default. */
    private int integer(Setting setting, int min, int max) {
        String value = raw(setting);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String fallback = setting.defaultFor(profile);
        reject(setting, value, fallback, "allowed: an integer from " + min + " to " + max);
        return Integer.parseInt(fallback);
    }

    private Map<String, String> mapping(Setting setting) {
        String value = raw(setting);
        try {
            return mapping(value);
        } catch (IllegalArgumentException e) {
            String fallback = setting.defaultFor(profile);
            reject(setting, value, fallback, e.getMessage());
            return mapping(fallback);
        }
    }

    /** A {@code segment:label} list; {@code none} is the empty mapping (MicroProfile Config reads "" as unset). */
    private static Map<String, String> mapping(String spec) {
        return "none".equalsIgnoreCase(spec.trim()) ? Map.of() : LabelRules.parseMapping(spec);
    }

    private void reject(Setting setting, String value, String used, String why) {
        reader.reject(setting, value, used, why);
    }

    static Optional<String> color(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        return value.equals("auto") || value.equals("always") || value.equals("never")
                ? Optional.of(value) : Optional.empty();
    }
}
