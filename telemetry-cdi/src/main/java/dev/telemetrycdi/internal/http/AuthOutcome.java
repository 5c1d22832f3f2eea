package dev.telemetrycdi.internal.http;

/**
 * What the container's security did with a request, for the {@code auth.outcome} field of its
 * {@code request_completed} line. Decided from what is known when the response is complete: whether the request
 * was the FORM login POST, its status, whether it reached the application's filters, and the caller.
 *
 * <p>Internal API: may change without notice. Immutable.
 */
enum AuthOutcome {
    /** The caller is known (a principal). */
    AUTHENTICATED("authenticated"),
    /** Nobody authenticated and nothing asked for it. */
    ANONYMOUS("anonymous"),
    /** A FORM login ({@code j_security_check}) that authenticated the caller. */
    LOGIN_SUCCEEDED("login_succeeded"),
    /** A FORM login ({@code j_security_check}) that did not. */
    LOGIN_FAILED("login_failed"),
    /** 403: the caller may not have this resource. */
    DENIED("denied"),
    /** 401, or the container answered with its login page (a redirect or forward) instead of the resource. */
    REQUIRED("required");

    static final String FORM_LOGIN_PATH = "/j_security_check";

    private final String value;

    AuthOutcome(String value) {
        this.value = value;
    }

    /** The field's value. */
    String value() {
        return value;
    }

    /**
     * @param uri                the request URI as received (before any forward)
     * @param status             the status the client got
     * @param reachedApplication whether the request ran the application's filter chain (a request the container
     *                           answers itself for its security does not)
     * @param user               the caller's name, or null
     */
    static AuthOutcome of(String uri, int status, boolean reachedApplication, String user) {
        if (uri.endsWith(FORM_LOGIN_PATH)) {
            return user != null ? LOGIN_SUCCEEDED : LOGIN_FAILED;
        }
        if (status == 403) {
            return DENIED;
        }
        if (status == 401 || (!reachedApplication && user == null && status < 400)) {
            return REQUIRED;
        }
        return user != null ? AUTHENTICATED : ANONYMOUS;
    }

    /** Denied access and failed logins are worth a warning even when the status alone would not be. */
    boolean isWarning() {
        return this == DENIED || this == LOGIN_FAILED;
    }
}
