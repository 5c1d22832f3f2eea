package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;

/**
 * Renders a line as one flat JSON object, for production and log collectors.
 *
 * <pre>{@code
 * {"timestamp":"2026-01-20T14:32:15.123Z","level":"info","event":"request_completed","logger":"com.acme.Api",
 *  "request.id":"abc-123","labels":["order"],"order.id":5,"duration_ms":45.2}
 * }</pre>
 *
 * <p>Order: {@code timestamp} (UTC, milliseconds), {@code level}, {@code event}, {@code logger} (left out when
 * null), the context fields, the event's own fields (merged as {@link MergedFields} describes, so no key ever
 * appears twice), then for an exception {@code exception.type}, {@code exception.message} (left out when null)
 * and {@code exception.stacktrace}. Values are written as {@link JsonValues} describes. A line without a level
 * is written as {@code info}.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws: if a line cannot be rendered, a
 * line with only the envelope and {@code format_error} (the failure's class name) is written instead.
 */
public final class JsonLineFormat implements LineFormat {
    static final String FORMAT_ERROR = "format_error";
    private static final MergedFields.Visitor<StringBuilder> FIELD = JsonLineFormat::appendField;

    private final UtcTimestamps timestamps = new UtcTimestamps();

    @Override
    public void format(LogEvent event, StringBuilder out) {
        if (event == null || out == null) {
            return;
        }
        int start = out.length();
        try {
            appendEnvelope(event, out);
            MergedFields.forEach(event, out, FIELD);
            Throwable thrown = event.thrown();
            if (thrown != null) {
                appendException(thrown, out);
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            out.setLength(start);
            appendEnvelope(event, out);
            appendField(out, FORMAT_ERROR, e.getClass().getName());
        }
        out.append("}\n");
    }

    private void appendEnvelope(LogEvent event, StringBuilder out) {
        out.append("{\"" + FieldNames.TIMESTAMP + "\":\"");
        timestamps.appendIso(event.epochMillis(), out);
        out.append("\",\"" + FieldNames.LEVEL + "\":\"").append(label(event.level()))
                .append("\",\"" + FieldNames.EVENT + "\":");
        JsonValues.appendString(out, event.event());
        if (event.logger() != null) {
            out.append(",\"" + FieldNames.LOGGER + "\":");
            JsonValues.appendString(out, event.logger());
        }
    }

    private static void appendException(Throwable thrown, StringBuilder out) {
        appendField(out, FieldNames.EXCEPTION_TYPE, thrown.getClass().getName());
        String message = SafeText.message(thrown);
        if (message != null) {
            appendField(out, FieldNames.EXCEPTION_MESSAGE, message);
        }
        appendField(out, FieldNames.EXCEPTION_STACKTRACE, SafeText.stackTrace(thrown));
    }

    private static void appendField(StringBuilder out, String key, Object value) {
        out.append(',');
        JsonValues.appendString(out, key);
        out.append(':');
        JsonValues.appendValue(out, value);
    }

    static String label(LogLevel level) {
        return level == null ? LogLevel.INFO.label() : level.label();
    }
}
