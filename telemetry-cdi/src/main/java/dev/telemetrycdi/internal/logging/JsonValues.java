package dev.telemetrycdi.internal.logging;

import java.lang.reflect.Array;
import java.util.Collection;

/**
 * Appends field values as JSON straight into a {@code StringBuilder}: integers and finite floating-point numbers
 * as numbers, booleans, null, collections and arrays as arrays, anything else as its {@code toString()} string.
 *
 * <p>Strings are escaped so that the output is always valid JSON on one line: quote, backslash, every C0 and C1
 * control character, DEL, U+2028 and U+2029 are escaped, and an unpaired surrogate becomes the escape of U+FFFD.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless); never throws.
 */
public final class JsonValues {
    /** Collections nested deeper than this are written as {@value #TOO_DEEP}. */
    static final int MAX_DEPTH = 8;
    static final String TOO_DEEP = "[...]";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonValues() {
    }

    /** Appends {@code value}; if rendering it fails (a throwing iterator), appends {@code "<unprintable>"}. */
    public static void appendValue(StringBuilder out, Object value) {
        int start = out.length();
        try {
            append(out, value, 0);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            out.setLength(start);
            appendString(out, SafeText.UNPRINTABLE);
        }
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            appendString(out, (String) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isFinite(d)) {
                out.append(d);
            } else {
                appendString(out, Double.toString(d));
            }
        } else if (value instanceof Float) {
            float f = (Float) value;
            if (Float.isFinite(f)) {
                out.append(f);
            } else {
                appendString(out, Float.toString(f));
            }
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue());
        } else if (value instanceof Collection || value.getClass().isArray()) {
            appendArray(out, value, depth);
        } else {
            appendString(out, SafeText.of(value));
        }
    }

    private static void appendArray(StringBuilder out, Object value, int depth) {
        if (depth >= MAX_DEPTH) {
            appendString(out, TOO_DEEP);
            return;
        }
        out.append('[');
        boolean first = true;
        if (value instanceof Collection) {
            for (Object element : (Collection<?>) value) {
                first = comma(out, first);
                append(out, element, depth + 1);
            }
        } else {
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                first = comma(out, first);
                append(out, Array.get(value, i), depth + 1);
            }
        }
        out.append(']');
    }

    private static boolean comma(StringBuilder out, boolean first) {
        if (!first) {
            out.append(',');
        }
        return false;
    }

    /** Appends {@code text} as a quoted, escaped JSON string. */
    static void appendString(StringBuilder out, String text) {
        out.append('"');
        int n = text.length();
        int copied = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isPlain(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(text, copied, i);
            appendEscape(out, c);
            copied = i + 1;
        }
        if (copied == 0) {
            out.append(text); // the common case: one bulk copy
        } else {
            out.append(text, copied, n);
        }
        out.append('"');
    }

    private static boolean isPlain(char c) {
        if (c < 0x80) {
            return c >= 0x20 && c != '"' && c != '\\' && c != 0x7f;
        }
        return c > 0x9f && c != '\u2028' && c != '\u2029' && !Character.isSurrogate(c);
    }

    private static void appendEscape(StringBuilder out, char c) {
        switch (c) {
            case '"': out.append("\\\""); return;
            case '\\': out.append("\\\\"); return;
            case '\n': out.append("\\n"); return;
            case '\r': out.append("\\r"); return;
            case '\t': out.append("\\t"); return;
            default:
                appendUnicodeEscape(out, Character.isSurrogate(c) ? '\ufffd' : c);
        }
    }

    /** Appends the six-character escape (backslash, u, four hex digits) for {@code c}. */
    static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append('\\').append('u')
                .append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }
}
