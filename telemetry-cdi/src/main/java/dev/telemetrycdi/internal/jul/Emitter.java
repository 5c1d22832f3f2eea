package dev.telemetrycdi.internal.jul;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.logging.LogPipeline;
import dev.telemetrycdi.internal.logging.LogRouter;

import java.util.logging.Logger;

/**
 * Sends one event where it belongs: to the running structured pipeline, or, when structured logging is off,
 * as one plain text line ({@code event key=value ...}, the context first) through {@code java.util.logging}, the
 * server's logging.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
public final class Emitter {
    private Emitter() {
    }

    public static boolean isEnabled(String logger, LogLevel level) {
        LogPipeline pipeline = LogRouter.active();
        return pipeline != null ? pipeline.isEnabled(level) : Logger.getLogger(logger).isLoggable(level.toJul());
    }

    public static void emit(LogLevel level, String logger, String event, Fields context, Fields fields,
                            Throwable thrown) {
        try {
            LogPipeline pipeline = LogRouter.active();
            if (pipeline != null) {
                if (pipeline.isEnabled(level)) {
                    pipeline.publish(new LogEvent(System.currentTimeMillis(), level, logger, event, context, fields,
                            thrown));
                }
                return;
            }
            Logger jul = Logger.getLogger(logger);
            if (jul.isLoggable(level.toJul())) {
                jul.log(level.toJul(), plainLine(event, context.withAll(fields)), thrown);
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
