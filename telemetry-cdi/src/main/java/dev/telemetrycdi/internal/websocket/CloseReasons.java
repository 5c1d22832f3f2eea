package dev.telemetrycdi.internal.websocket;

import java.util.regex.Pattern;

/**
 * The close reason as it may be logged: without peer addresses (Open Liberty puts the client's address and port in
 * the reason of an abrupt disconnect), control characters replaced, at most 123 characters (the protocol's bound).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class CloseReasons {
    static final int MAX_LENGTH = 123;
    static final String ADDRESS = "<peer>";

    private static final Pattern IPV4 = Pattern.compile("/?\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b");
    private static final Pattern IPV6 = Pattern.compile(
            "/?\\[?(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\\w+)?\\]?(?::\\d{1,5})?");
    private static final Pattern HOST_PORT = Pattern.compile("/?\\b[A-Za-z0-9][A-Za-z0-9.-]*:\\d{1,5}\\b");

    private CloseReasons() {
    }

    /** {@code reason} fit for a line, or null when nothing is left. */
    static String safe(String reason) {
        if (reason == null || reason.isEmpty()) {
            return null;
        }
        String text = reason.length() > 4 * MAX_LENGTH ? reason.substring(0, 4 * MAX_LENGTH) : reason;
        text = IPV6.matcher(text).replaceAll(ADDRESS);
        text = IPV4.matcher(text).replaceAll(ADDRESS);
        text = HOST_PORT.matcher(text).replaceAll(ADDRESS);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        String result = out.toString().trim();
        return result.isEmpty() ? null : result;
    }
}
