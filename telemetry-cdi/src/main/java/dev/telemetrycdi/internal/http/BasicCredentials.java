package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.context.PrintableText;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The user name of an HTTP BASIC {@code Authorization} header, for the one case where the container authenticated
 * the caller but no longer says who it was: Open Liberty's 403 for a BASIC caller without the role (its request
 * shows no principal once an error status is set). The password is never kept; the header is never logged.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
final class BasicCredentials {
    private static final String SCHEME = "Basic ";
    private static final int MAX_HEADER = 1024;

    private BasicCredentials() {
    }

    /** The user name in {@code authorization}, or null when it is not acceptable BASIC credentials. */
    static String user(String authorization) {
        if (authorization == null || authorization.length() > MAX_HEADER
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            String user = decoded.substring(0, colon);
            return PrintableText.isUserId(user) ? user : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
