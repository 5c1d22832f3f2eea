package dev.telemetrycdi.internal.http;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the servlet API does not give a {@code ServletRequestListener}, the only application hook that sees the
 * requests a container's web security refuses (403, 401, a redirect or forward to the login page) before any filter
 * runs: the response of a request, and a response header that survives the container's own error handling. One
 * small implementation per server.
 *
 * <p>Internal API: may change without notice. Implementations are thread-safe and never throw.
 */
interface ServerResponses {
    /** No server-specific access: only requests that reach the module's servlet filter are seen. */
    ServerResponses NONE = new ServerResponses() {
        @Override
        public HttpServletResponse responseOf(ServletRequest request) {
            return null;
        }

        @Override
        public String toString() {
            return "none";
        }
    };

    /** The response the container sends for {@code request}, or null when it cannot be found. */
    HttpServletResponse responseOf(ServletRequest request);

    /**
     * Keeps the request's telemetry with the request where its attributes do not survive the container's own
     * dispatches (WildFly's FORM login forwards to the login or error page with the attributes cleared); the
     * request attribute stays the first place to look.
     */
    default void attach(ServletRequest request, RequestTelemetry telemetry) {
    }

    /** What {@link #attach} kept with {@code request}, or null. */
    default RequestTelemetry attached(ServletRequest request) {
        return null;
    }

    /**
     * Makes sure the header {@code name} is on the response when it is committed, even if the container resets the
     * response for an exception that escaped the application before it sends its error page (WildFly). Called only
     * on that path.
     */
    default void keepHeader(ServletRequest request, String name, String value) {
    }

    /**
     * The lookup for the server that runs the application: Undertow's (WildFly) when its servlet classes are
     * visible, else the request's own public {@code getResponse()} (Open Liberty), else {@link #NONE}.
     */
    static ServerResponses detect(ServletRequest request) {
        if (isVisible("io.undertow.servlet.handlers.ServletRequestContext")) {
            return new UndertowResponses(); // loaded only here: it links to Undertow's classes
        }
        ServerResponses liberty = LibertyResponses.of(request);
        return liberty != null ? liberty : NONE;
    }

    private static boolean isVisible(String className) {
        try {
            Class.forName(className, false, ServerResponses.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
