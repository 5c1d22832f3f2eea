package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;

import java.util.logging.Logger;

/**
 * The output with structured logging off ({@code STRUCTLOG_ENABLED=false}): each event becomes one plain text line
 * ({@code event key=value ...}, the context first) logged through {@code java.util.logging} under its logger's name,
 * so the server's logging configuration decides what is written.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
public final class PlainPipeline implements LogPipeline {
    @Override
    public boolean isEnabled(LogLevel level) {
        return true; // the JUL logger of each event decides, in publish
    }

    @Override
    public void publish(LogEvent event) {
        try {
            Logger jul = Logger.getLogger(event.logger() == null ? "" : event.logger());
            if (jul.isLoggable(event.level().toJul())) {
                jul.log(event.level().toJul(), plainLine(event.event(), event.context().withAll(event.fields())),
                        event.thrown());
            }
        } catch (RuntimeException e) {
            // a log call never breaks the application
        }
    }

    /** {@code event key=value ...} on one line: control characters in keys and values are escaped. */
    static String plainLine(String event, Fields fields) {
        StringBuilder line = new StringBuilder();
        appendEscaped(line, event == null ? "" : event);
        for (int i = 0; i < fields.size(); i++) {
            line.append(' ');
            appendEscaped(line, fields.key(i));
            line.append('=');
            appendEscaped(line, String.valueOf(fields.value(i)));
        }
        return line.toString();
    }

    private static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                out.append("\\u").append(String.format("%04x", (int) c));
            } else {
                out.append(c);
            }
        }
    }
}
