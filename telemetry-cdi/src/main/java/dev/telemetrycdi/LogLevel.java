package dev.telemetrycdi;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;

/**
 * Severity of a log line, named as structlog and Python's logging name it; {@link #label()} is what the
 * {@code level} field holds.
 *
 * <p>Each level maps onto {@code java.util.logging} by its numeric value, so a JUL or JBoss Logging record
 * of level {@code FINE} is a {@code debug} line here and one of {@code SEVERE} an {@code error} line.
 */
public enum LogLevel {
    TRACE(400, "trace"),
    DEBUG(500, "debug"),
    INFO(800, "info"),
    WARNING(900, "warning"),
    ERROR(1000, "error"),
    CRITICAL(1100, "critical");

    private final int severity;
    private final String label;

    LogLevel(int severity, String label) {
        this.severity = severity;
        this.label = label;
    }

    /** The numeric value, on the {@code java.util.logging.Level} scale. */
    public int severity() {
        return severity;
    }

    /** The lowercase name written in the {@code level} field, e.g. {@code "warning"}. */
    public String label() {
        return label;
    }

    /** Whether a line of this level passes a threshold of {@code threshold}. */
    public boolean isAtLeast(LogLevel threshold) {
        return severity >= threshold.severity;
    }

    /** The level a {@code java.util.logging} level falls into (rounding down). */
    public static LogLevel fromJul(Level level) {
        int value = level.intValue();
        if (value >= CRITICAL.severity) {
            return CRITICAL;
        }
        if (value >= ERROR.severity) {
            return ERROR;
        }
        if (value >= WARNING.severity) {
            return WARNING;
        }
        if (value >= INFO.severity) {
            return INFO;
        }
        if (value >= DEBUG.severity) {
            return DEBUG;
        }
        return TRACE;
    }

    /** The {@code java.util.logging} level that lets exactly this level and above through. */
    public Level toJul() {
        switch (this) {
            case TRACE: return Level.FINEST;
            case DEBUG: return Level.FINE;
            case INFO: return Level.INFO;
            case WARNING: return Level.WARNING;
            default: return Level.SEVERE;
        }
    }

    /**
     * Parses a level name ({@code DEBUG}, {@code INFO}, {@code ERROR}, ...), case
     * insensitive; {@code WARN}, {@code FATAL} and the JUL names {@code FINE}, {@code SEVERE} are accepted too.
     */
    public static Optional<LogLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE": case "FINER": case "FINEST": return Optional.of(TRACE);
            case "DEBUG": case "FINE": case "CONFIG": return Optional.of(DEBUG);
            case "INFO": return Optional.of(INFO);
            case "WARN": case "WARNING": return Optional.of(WARNING);
            case "ERROR": case "SEVERE": return Optional.of(ERROR);
            case "CRITICAL": case "FATAL": return Optional.of(CRITICAL);
            default: return Optional.empty();
        }
    }
}
