package dev.telemetrycdi.internal.context;

import org.apache.logging.log4j.ThreadContext;

/**
 * Log4j 2's {@code ThreadContext} map kept in step with the module's context, when the application brings the API.
 * Loaded only when the application sees the Log4j 2 API.
 *
 * <p>Not for WildFly's own Log4j 2 API, a server module (the API's class loader is a JBoss Modules loader other than
 * the application's): its map, {@code org.jboss.logmanager.log4j.ThreadContextMDCMap}, writes to the JBoss
 * LogManager's inheritable MDC (see {@link Slf4jMdc}).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class Log4jThreadContext extends ContextMirror {
    private Log4jThreadContext() {
        super("Log4j 2 ThreadContext");
    }

    static ContextMirror create() {
        try {
            ClassLoader api = ThreadContext.class.getClassLoader();
            boolean serverModule = api != null && api != Log4jThreadContext.class.getClassLoader()
                    && api.getClass().getName().startsWith("org.jboss.modules.");
            return serverModule ? NONE : new Log4jThreadContext();
        } catch (RuntimeException | LinkageError e) {
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
