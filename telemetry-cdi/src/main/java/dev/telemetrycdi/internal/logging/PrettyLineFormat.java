package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;

/**
 * Renders a line for a developer's console, like structlog's {@code ConsoleRenderer}, but always on one line.
 *
 * <pre>{@code
 * 2026-01-20 14:32:15 [info    ] request_completed              [com.acme.Api] request.id=abc-123 labels=['order']
 * }</pre>
 *
 * <p>The timestamp is UTC to the second; the level is padded to the longest level name; the event is padded to
 * 30 characters when something follows it; then the logger in brackets, the context fields and the event's own
 * fields (merged as {@link MergedFields} describes), and an exception as {@code exception.type},
 * {@code exception.message} and {@code exception.stacktrace} fields with its line breaks escaped. Values are
 * written as {@link PrettyValues} describes. With colours, ANSI styles follow structlog's: dim timestamp, level
 * coloured by severity, bright event, blue logger, cyan keys, magenta values; without, no escape sequence at all.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
public final class PrettyLineFormat implements LineFormat {
    static final int EVENT_WIDTH = 30;
    static final int LEVEL_WIDTH = longestLevel();
    private static final MergedFields.Visitor<PrettyLineFormat.Line> FIELD = Line::field;

    private final Styles styles;
    private final UtcTimestamps timestamps = new UtcTimestamps();

    public PrettyLineFormat(boolean colors) {
        this.styles = colors ? Styles.ANSI : Styles.NONE;
    }

    @Override
    public void format(LogEvent event, StringBuilder out) {
        if (event == null || out == null) {
            return;
        }
        int start = out.length();
        try {
            appendLine(event, out);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            out.setLength(start);
            out.append(styles.reset);
            timestamps.appendPlain(event.epochMillis(), out);
            out.append(' ');
            PrettyValues.appendText(out, event.event());
            out.append(" " + JsonLineFormat.FORMAT_ERROR + "=").append(e.getClass().getName());
        }
        out.append('\n');
    }

    private void appendLine(LogEvent event, StringBuilder out) {
        out.append(styles.timestamp);
        timestamps.appendPlain(event.epochMillis(), out);
        out.append(styles.reset).append(" [").append(styles.level(event.level()));
        pad(out, JsonLineFormat.label(event.level()), LEVEL_WIDTH);
        out.append(styles.reset).append("] ").append(styles.bright);
        int eventStart = out.length();
        PrettyValues.appendText(out, event.event());
        boolean more = event.logger() != null || !event.context().isEmpty() || !event.fields().isEmpty()
                || event.thrown() != null;
        for (int width = out.length() - eventStart; more && width < EVENT_WIDTH; width++) {
            out.append(' ');
        }
        out.append(styles.reset);
        if (event.logger() != null) {
            out.append(" [").append(styles.logger);
            PrettyValues.appendText(out, event.logger());
            out.append(styles.reset).append(']');
        }
        Line line = new Line(out, styles);
        MergedFields.forEach(event, line, FIELD);
        Throwable thrown = event.thrown();
        if (thrown != null) {
            line.field(FieldNames.EXCEPTION_TYPE, thrown.getClass().getName());
            String message = SafeText.message(thrown);
            if (message != null) {
                line.field(FieldNames.EXCEPTION_MESSAGE, message);
            }
            line.field(FieldNames.EXCEPTION_STACKTRACE, SafeText.stackTrace(thrown));
        }
    }

    private static void pad(StringBuilder out, String text, int width) {
        out.append(text);
        for (int i = text.length(); i < width; i++) {
            out.append(' ');
        }
    }

    private static int longestLevel() {
        int longest = 0;
        for (LogLevel level : LogLevel.values()) {
            longest = Math.max(longest, level.label().length());
        }
        return longest;
    }

    /** The line being written and its styles: the target of {@link MergedFields#forEach}. */
    private static final class Line {
        final StringBuilder out;
        final Styles styles;

        Line(StringBuilder out, Styles styles) {
            this.out = out;
            this.styles = styles;
        }

        void field(String key, Object value) {
            out.append(' ').append(styles.key);
            PrettyValues.appendText(out, key);
            out.append(styles.reset).append('=').append(styles.value);
            PrettyValues.appendValue(out, value);
            out.append(styles.reset);
        }
    }

    /** ANSI escape sequences as structlog's {@code ConsoleRenderer} uses them, or none at all. */
    private static final class Styles {
        static final Styles NONE = new Styles(false);
        static final Styles ANSI = new Styles(true);

        final String reset;
        final String timestamp;
        final String bright;
        final String logger;
        final String key;
        final String value;
        private final String red;
        private final String yellow;
        private final String green;

        private Styles(boolean on) {
            reset = on ? "\u001b[0m" : "";
            timestamp = on ? "\u001b[2m" : "";
            bright = on ? "\u001b[1m" : "";
            logger = on ? "\u001b[34m" : "";
            key = on ? "\u001b[36m" : "";
            value = on ? "\u001b[35m" : "";
            red = on ? "\u001b[31m" : "";
            yellow = on ? "\u001b[33m" : "";
            green = on ? "\u001b[32m" : "";
        }

        String level(LogLevel level) {
            if (level == null) {
                return green;
            }
            switch (level) {
                case CRITICAL:
                case ERROR:
                    return red;
                case WARNING:
                    return yellow;
                default:
                    return green;
            }
        }
    }
}
