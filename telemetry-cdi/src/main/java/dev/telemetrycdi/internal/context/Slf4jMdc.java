package dev.telemetrycdi.internal.context;

import org.slf4j.MDC;

/**
 * SLF4J's {@code MDC} kept in step with the module's context (whichever binding the application has: a Logback it
 * bundles, or the server's). Loaded only when the application sees SLF4J.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class Slf4jMdc extends ContextMirror {
    private Slf4jMdc() {
        super("SLF4J MDC");
    }

    static ContextMirror create() {
        try {
            return new Slf4jMdc();
        } catch (LinkageError e) {
            return NONE;
        }
    }

    @Override
    void put(String key, String value) {
        MDC.put(key, value);
    }

    @Override
    void remove(String key) {
        MDC.remove(key);
    }
}
