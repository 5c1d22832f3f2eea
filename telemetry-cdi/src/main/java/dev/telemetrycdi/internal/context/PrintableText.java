package dev.telemetrycdi.internal.context;

/**
 * The one rule for free text that arrives from outside (a message property, a job parameter) and becomes a field:
 * 1 to a maximum of characters, none of them control, format, separator, surrogate, private-use or unassigned. A user
 * id is such text of at most {@value #MAX_USER_ID} characters.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
public final class PrintableText {
    public static final int MAX_USER_ID = 128;

    private PrintableText() {
    }

    /** Whether {@code candidate} is acceptable as a {@code user.id}. */
    public static boolean isUserId(String candidate) {
        return candidate != null && problem(candidate, MAX_USER_ID) == null;
    }

    /** Null when {@code value} is 1 to {@code max} printable characters, else why it is not. */
    public static String problem(String value, int max) {
        if (value.isEmpty() || value.length() > max) {
            return "empty or longer than " + max + " characters";
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!isPrintable(c)) {
                return "contains control or unprintable characters";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean isPrintable(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
            case Character.PRIVATE_USE:
                return false;
            default:
                return true;
        }
    }
}
