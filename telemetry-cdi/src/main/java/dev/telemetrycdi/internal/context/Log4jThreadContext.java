package dev.telemetrycdi.internal.context;

import org.apache.logging.log4j.ThreadContext;

/**
 * Log4j 2's {@code ThreadContext} map kept in step with the module's context. Loaded only when the application sees
 * the Log4j 2 API.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class Log4jThreadContext extends ContextMirror {
    private Log4jThreadContext() {
        super("Log4j 2 ThreadContext");
    }

    static ContextMirror create() {
        try {
            return new Log4jThreadContext();
        } catch (LinkageError e) {
            return NONE;
        }
    }

    @Override
    void put(String key, String value) {
        ThreadContext.put(key, value);
    }

    @Override
    void remove(String key) {
        ThreadContext.remove(key);
    }
}
