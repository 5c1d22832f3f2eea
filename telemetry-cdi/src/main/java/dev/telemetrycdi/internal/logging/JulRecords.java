package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;

/**
 * Turns a {@code java.util.logging} record into a {@link LogEvent}: its formatted message becomes the event.
 *
 * <pre>{@code
 * pipeline.publish(JulRecords.toEvent(record, ContextStorage.current()));
 * }</pre>
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless); never throws for any record.
 */
public final class JulRecords {
    private JulRecords() {
    }

    /**
     * The event of {@code record}: level by {@link LogLevel#fromJul} ({@code info} if it has none), event the
     * formatted message, logger the record's logger name, the given context, no fields of its own, the thrown.
     */
    public static LogEvent toEvent(LogRecord record, Fields context) {
        LogLevel level = record.getLevel() == null ? LogLevel.INFO : LogLevel.fromJul(record.getLevel());
        return new LogEvent(record.getMillis(), level, record.getLoggerName(), formatMessage(record), context,
                Fields.EMPTY, record.getThrown());
    }

    /**
     * The record's message as {@code java.util.logging.Formatter#formatMessage} formats it (resource bundle,
     * then {@link MessageFormat} if there are parameters and a {@code {0}}-style placeholder); a JBoss
     * {@code ExtLogRecord} formats itself (it may use printf style). If formatting fails, the raw message.
     */
    public static String formatMessage(LogRecord record) {
        String format = record.getMessage();
        if (format == null) {
            return "";
        }
        try {
            String own = ExtRecordMessages.formatted(record);
            if (own != null) {
                return own;
            }
            ResourceBundle catalog = record.getResourceBundle();
            if (catalog != null) {
                try {
                    format = catalog.getString(format);
                } catch (MissingResourceException e) {
                    // the message is not a key of the bundle: use it as it is
                }
            }
            Object[] parameters = record.getParameters();
            if (parameters == null || parameters.length == 0 || !hasPlaceholder(format)) {
                return format;
            }
            return MessageFormat.format(format, parameters);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return format;
        }
    }

    /** Whether {@code format} has a {@code {digit}} placeholder, the test JUL's own formatter applies. */
    private static boolean hasPlaceholder(String format) {
        int index = format.indexOf('{');
        while (index >= 0 && index + 1 < format.length()) {
            char next = format.charAt(index + 1);
            if (next >= '0' && next <= '9') {
                return true;
            }
            index = format.indexOf('{', index + 1);
        }
        return false;
    }
}
