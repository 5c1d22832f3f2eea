package dev.telemetrycdi.internal.http;

import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * WildFly (Undertow): the response of the request the current thread serves, from Undertow's public
 * {@link ServletRequestContext}. Loaded only after {@link #isAvailable} said Undertow is there.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class UndertowResponses implements ResponseLookup {
    private static final String CONTEXT_CLASS = "io.undertow.servlet.handlers.ServletRequestContext";

    /** Whether Undertow's servlet classes are visible to the module (always on WildFly, never on Liberty). */
    static boolean isAvailable(ClassLoader loader) {
        try {
            Class.forName(CONTEXT_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public HttpServletResponse responseOf(ServletRequest request) {
        try {
            ServletRequestContext context = ServletRequestContext.current();
            if (context == null || context.getOriginalRequest() != request && context.getServletRequest() != request) {
                return null;
            }
            return context.getOriginalResponse();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "Undertow";
    }
}
