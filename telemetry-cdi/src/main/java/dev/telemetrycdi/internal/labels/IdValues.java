package dev.telemetrycdi.internal.labels;

/**
 * Decides whether a path segment or path parameter may be logged as a resource id, and in which type.
 *
 * <p>A value qualifies when it is 1 to 64 characters of {@code A-Z a-z 0-9 _ -}; anything else (percent
 * escapes, whitespace, control or non-ASCII characters, {@code ${...}} lookups) gives no id at all, so a hostile
 * URL can never put its text into a log line. A qualifying value is a {@code Long} when it is a plain decimal
 * number of at most 18 digits without leading zeros (or exactly {@code "0"}), otherwise the {@code String}
 * itself ({@code "abc-def"}, {@code "007"}, a UUID). The checks are a single character loop, no regular
 * expression. Stateless and thread-safe.
 *
 * <p>Internal API: may change without notice.
 */
public final class IdValues {
    /** The longest value that can be an id. */
    public static final int MAX_LENGTH = 64;
    private static final int MAX_NUMBER_DIGITS = 18;

    private IdValues() {
    }

    /** The id for {@code value}: a {@code Long}, the value itself as a {@code String}, or null for none. */
    public static Object parse(String value) {
        if (value == null || !isToken(value, 0, value.length())) {
            return null;
        }
        Long number = number(value, 0, value.length());
        return number != null ? number : value;
    }

    /** The id for the region {@code [start, end)} of {@code text}; allocates only when there is one. */
    public static Object parse(String text, int start, int end) {
        if (!isToken(text, start, end)) {
            return null;
        }
        Long number = number(text, start, end);
        return number != null ? number : text.substring(start, end);
    }

    /** Whether {@code [start, end)} of {@code text} is 1 to 64 characters of {@code A-Z a-z 0-9 _ -}. */
    public static boolean isToken(CharSequence text, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Long number(String text, int start, int end) {
        int length = end - start;
        if (length > MAX_NUMBER_DIGITS || (length > 1 && text.charAt(start) == '0')) {
            return null;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
