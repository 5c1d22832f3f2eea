package dev.telemetrycdi.internal.logging;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Text of arbitrary objects and exceptions that never throws: a {@code toString()}, {@code getMessage()} or
 * stack trace that fails becomes {@value #UNPRINTABLE}.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
public final class SafeText {
    public static final String UNPRINTABLE = "<unprintable>";

    private SafeText() {
    }

    /** {@code value.toString()}, or {@value #UNPRINTABLE} if it throws or returns null. */
    public static String of(Object value) {
        try {
            String text = value.toString();
            return text == null ? "null" : text;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return UNPRINTABLE;
        }
    }

    /** The exception's message, null if it has none, {@value #UNPRINTABLE} if asking throws. */
    public static String message(Throwable thrown) {
        try {
            return thrown.getMessage();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return UNPRINTABLE;
        }
    }

    /** What {@code printStackTrace()} prints, without the final line break. */
    public static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter(1024);
        try (PrintWriter writer = new PrintWriter(text)) {
            thrown.printStackTrace(writer);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            text.write(UNPRINTABLE);
        }
        StringBuffer chars = text.getBuffer();
        int end = chars.length();
        while (end > 0 && (chars.charAt(end - 1) == '\n' || chars.charAt(end - 1) == '\r')) {
            end--;
        }
        return chars.substring(0, end);
    }
}
