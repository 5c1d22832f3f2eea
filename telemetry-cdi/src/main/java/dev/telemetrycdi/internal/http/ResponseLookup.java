package dev.telemetrycdi.internal.http;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Finds the response of a request where the servlet API gives none: in a {@code ServletRequestListener}, which is
 * the only application hook that sees the requests a container's web security refuses (403, 401, a redirect or
 * forward to the login page) before any filter runs. One small implementation per server.
 *
 * <p>Internal API: may change without notice. Implementations are thread-safe and never throw.
 */
interface ResponseLookup {
    /** No server-specific access: only requests that reach the module's servlet filter are seen. */
    ResponseLookup NONE = new ResponseLookup() {
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
     * The lookup for the server that runs the application: Undertow's (WildFly) when its servlet classes are
     * visible, else the request's own public {@code getResponse()} (Open Liberty), else {@link #NONE}.
     */
    static ResponseLookup detect(ServletRequest request) {
        if (UndertowResponses.isAvailable(ResponseLookup.class.getClassLoader())) {
            return new UndertowResponses();
        }
        ResponseLookup liberty = LibertyResponses.of(request);
        return liberty != null ? liberty : NONE;
    }
}
