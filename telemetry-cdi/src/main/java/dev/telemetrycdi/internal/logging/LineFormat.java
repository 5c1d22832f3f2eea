package dev.telemetrycdi.internal.logging;

/**
 * Renders one {@link LogEvent} as exactly one line of text (ending in {@code '\n'}); no input can make it
 * two lines. Implementations are stateless or thread-confined and never throw.
 *
 * <p>Internal API: may change without notice.
 */
public interface LineFormat {
    void format(LogEvent event, StringBuilder out);
}
