package dev.telemetrycdi;

import java.util.Locale;
import java.util.Optional;

/** How structured lines are rendered: one JSON object per line, or structlog's pretty dev console. */
public enum LogFormat {
    JSON,
    PRETTY;

    /** The lowercase name used in settings ({@code json}, {@code pretty}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code json} or {@code pretty} (also {@code console}), case insensitive. */
    public static Optional<LogFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "json": return Optional.of(JSON);
            case "pretty": case "console": return Optional.of(PRETTY);
            default: return Optional.empty();
        }
    }
}
