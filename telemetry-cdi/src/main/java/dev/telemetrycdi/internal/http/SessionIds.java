package dev.telemetrycdi.internal.http;

/**
 * Removes the session id a servlet container may carry in a URL ({@code ;jsessionid=...} path parameters, in any
 * case): a session id is a credential and never goes into a log line.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
final class SessionIds {
    private static final String PARAMETER = ";jsessionid=";

    private SessionIds() {
    }

    /** {@code uri} without its {@code ;jsessionid=} parameters; the same string when it has none. */
    static String strip(String uri) {
        if (uri.indexOf(';') < 0) {
            return uri;
        }
        StringBuilder result = null;
        int copied = 0;
        int at = indexOf(uri, 0);
        while (at >= 0) {
            if (result == null) {
                result = new StringBuilder(uri.length());
            }
            result.append(uri, copied, at);
            int end = at + PARAMETER.length();
            while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != ';'
                    && uri.charAt(end) != '?') {
                end++;
            }
            copied = end;
            at = indexOf(uri, end);
        }
        return result == null ? uri : result.append(uri, copied, uri.length()).toString();
    }

    private static int indexOf(String uri, int from) {
        for (int i = uri.indexOf(';', from); i >= 0; i = uri.indexOf(';', i + 1)) {
            if (uri.regionMatches(true, i, PARAMETER, 0, PARAMETER.length())) {
                return i;
            }
        }
        return -1;
    }
}
