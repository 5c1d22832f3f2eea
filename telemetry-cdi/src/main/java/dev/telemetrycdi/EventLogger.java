package dev.telemetrycdi;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.Emitter;

/**
 * Writes structured events: an event name plus key/values, carrying the context bound on the calling thread.
 *
 * <pre>{@code
 * private static final EventLogger log = EventLogger.get(MatchResource.class);
 *
 * log.info("match_scored", "match.id", 7, "points", 3);
 * log.error("payout_failed", exception, "order.id", 5);
 * }</pre>
 *
 * <p>While the module runs, lines go to its JSON or pretty output. When structured logging is off
 * ({@code STRUCTLOG_ENABLED=false}) or the module is disabled, the same call writes one plain text line
 * ({@code event key=value ...}) through {@code java.util.logging}, i.e. the server's own logging.
 *
 * <p>Thread-safe. Never throws: keys that are not strings are skipped, a trailing key without value is ignored.
 */
public final class EventLogger {
    private final String name;

    private EventLogger(String name) {
        this.name = name;
    }

    /** A logger named after {@code type}. */
    public static EventLogger get(Class<?> type) {
        return new EventLogger(type.getName());
    }

    /** A logger with the given category name. */
    public static EventLogger get(String name) {
        return new EventLogger(name);
    }

    public String name() {
        return name;
    }

    public boolean isEnabled(LogLevel level) {
        return Emitter.isEnabled(name, level);
    }

    public void debug(String event, Object... keyValues) {
        log(LogLevel.DEBUG, event, null, keyValues);
    }

    public void info(String event, Object... keyValues) {
        log(LogLevel.INFO, event, null, keyValues);
    }

    public void warning(String event, Object... keyValues) {
        log(LogLevel.WARNING, event, null, keyValues);
    }

    public void warning(String event, Throwable thrown, Object... keyValues) {
        log(LogLevel.WARNING, event, thrown, keyValues);
    }

    public void error(String event, Object... keyValues) {
        log(LogLevel.ERROR, event, null, keyValues);
    }

    public void error(String event, Throwable thrown, Object... keyValues) {
        log(LogLevel.ERROR, event, thrown, keyValues);
    }

    /** Writes {@code event} at {@code level}, with an optional exception (may be null). */
    public void log(LogLevel level, String event, Throwable thrown, Object... keyValues) {
        if (Emitter.isEnabled(name, level)) {
            Emitter.emit(level, name, event, ContextStorage.current(), Fields.captured(keyValues), thrown);
        }
    }
}
