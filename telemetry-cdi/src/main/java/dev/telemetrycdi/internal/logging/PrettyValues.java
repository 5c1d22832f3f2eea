package dev.telemetrycdi.internal.logging;

import java.lang.reflect.Array;
import java.util.Collection;

/**
 * Appends text and field values the way structlog's console renderer shows them, always on one line.
 *
 * <p>A string is written bare unless it is empty or contains a space, a quote, {@code =}, a backslash or a
 * character that must be escaped; then it is quoted with {@code '} like a Python {@code repr}. In a list every
 * string is quoted: {@code ['order', 'item']}. Numbers, {@code true}, {@code false} and {@code null} are
 * written as in the JSON output. Every C0 and C1 control character, DEL, U+2028, U+2029 and an unpaired
 * surrogate are escaped ({@code \n}, {@code \r}, {@code \t}, otherwise a backslash-u escape), in bare text too.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless); never throws.
 */
final class PrettyValues {
    private PrettyValues() {
    }

    /** Appends bare text (an event name, a key, a logger) with only the line-breaking characters escaped. */
    static void appendText(StringBuilder out, String text) {
        appendEscaped(out, text, false);
    }

    /** Appends a field value; if rendering it fails (a throwing iterator), appends {@code <unprintable>}. */
    static void appendValue(StringBuilder out, Object value) {
        int start = out.length();
        try {
            append(out, value, 0, false);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            out.setLength(start);
            out.append(SafeText.UNPRINTABLE);
        }
    }

    private static void append(StringBuilder out, Object value, int depth, boolean inList) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            appendString(out, (String) value, inList);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof Double || value instanceof Float
                || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Collection || value.getClass().isArray()) {
            appendList(out, value, depth);
        } else {
            appendString(out, SafeText.of(value), inList);
        }
    }

    private static void appendList(StringBuilder out, Object value, int depth) {
        if (depth >= JsonValues.MAX_DEPTH) {
            out.append(JsonValues.TOO_DEEP);
            return;
        }
        out.append('[');
        int count = 0;
        if (value instanceof Collection) {
            for (Object element : (Collection<?>) value) {
                append(count++ == 0 ? out : out.append(", "), element, depth + 1, true);
            }
        } else {
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                append(i == 0 ? out : out.append(", "), Array.get(value, i), depth + 1, true);
            }
        }
        out.append(']');
    }

    private static void appendString(StringBuilder out, String text, boolean alwaysQuote) {
        if (alwaysQuote || needsQuotes(text)) {
            out.append('\'');
            appendEscaped(out, text, true);
            out.append('\'');
        } else {
            out.append(text);
        }
    }

    private static boolean needsQuotes(String text) {
        if (text.isEmpty()) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (c == ' ' || c == '\'' || c == '"' || c == '=' || c == '\\' || mustEscape(c)) {
                return true;
            }
        }
        return false;
    }

    private static void appendEscaped(StringBuilder out, String text, boolean quoted) {
        int n = text.length();
        int copied = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            boolean quoteEscape = quoted && (c == '\\' || c == '\'');
            if (!quoteEscape && !mustEscape(c)) {
                continue;
            }
            out.append(text, copied, i);
            copied = i + 1;
            switch (c) {
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\\': out.append("\\\\"); break;
                case '\'': out.append("\\'"); break;
                default: JsonValues.appendUnicodeEscape(out, c);
            }
        }
        out.append(text, copied, n);
    }

    /** Whether {@code c} could break the line or the terminal: controls, DEL, line separators, lone surrogates. */
    private static boolean mustEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c);
    }
}
