package dev.telemetrycdi.internal.context;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Takes a value the application hands over (an event field, a bound context field, a {@code @ContextField}
 * argument) at the moment of the call, so that the line shows it as it was then, whatever the caller does with it
 * afterwards, and so that nothing of it can fail later on the writer thread:
 *
 * <ul>
 *   <li>{@code null}, {@code Boolean}, {@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code Double},
 *       {@code Float}: kept (immutable);</li>
 *   <li>a {@code String}: kept, cut after {@value #MAX_TEXT} characters;</li>
 *   <li>a collection or an array: copied into an immutable list of captured elements, at most
 *       {@value #MAX_ELEMENTS} (then one {@value #MORE} element), nested at most {@value #MAX_DEPTH} deep (deeper:
 *       {@value #TOO_DEEP});</li>
 *   <li>anything else (a map, a date, an entity): its {@code toString()} now, as bounded text; a
 *       {@code toString()} or an iteration that throws gives {@value #UNPRINTABLE} instead, and never reaches the
 *       caller.</li>
 * </ul>
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless); never throws.
 */
public final class CapturedValues {
    public static final int MAX_TEXT = 8192;
    static final int MAX_ELEMENTS = 256;
    static final int MAX_DEPTH = 8;
    static final String MORE = "...";
    static final String TOO_DEEP = "[...]";
    public static final String UNPRINTABLE = "<unprintable>";

    private CapturedValues() {
    }

    /** {@code value} as it is now, immutable and safe to write later (see the class comment). */
    public static Object capture(Object value) {
        return capture(value, 0);
    }

    /** Text of {@code value} now: its {@code toString()} cut after {@code max} characters, never throwing. */
    public static String text(Object value, int max) {
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return UNPRINTABLE;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Object capture(Object value, int depth) {
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Double || value instanceof Short || value instanceof Byte
                || value instanceof Float) {
            return value;
        }
        if (value instanceof String) {
            String text = (String) value;
            return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
        }
        if (value instanceof Collection || value.getClass().isArray()) {
            if (depth >= MAX_DEPTH) {
                return TOO_DEEP;
            }
            try {
                return list(value, depth);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                return UNPRINTABLE; // a collection changed while it was copied, or a throwing iterator
            }
        }
        return text(value, MAX_TEXT);
    }

    private static List<Object> list(Object value, int depth) {
        List<Object> copy;
        if (value instanceof Collection) {
            Collection<?> elements = (Collection<?>) value;
            copy = new ArrayList<>(Math.min(elements.size(), MAX_ELEMENTS + 1));
            for (Object element : elements) {
                if (copy.size() == MAX_ELEMENTS) {
                    copy.add(MORE);
                    break;
                }
                copy.add(capture(element, depth + 1));
            }
        } else {
            int length = Array.getLength(value);
            copy = new ArrayList<>(Math.min(length, MAX_ELEMENTS + 1));
            for (int i = 0; i < length; i++) {
                if (copy.size() == MAX_ELEMENTS) {
                    copy.add(MORE);
                    break;
                }
                copy.add(capture(Array.get(value, i), depth + 1));
            }
        }
        return Collections.unmodifiableList(copy);
    }
}
