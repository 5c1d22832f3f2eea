package dev.telemetrycdi.internal.context;

import org.slf4j.MDC;

/**
 * SLF4J's {@code MDC} kept in step with the module's context, for the binding the application brings (Logback, or
 * any other that keeps its MDC per thread). Loaded only when the application sees SLF4J.
 *
 * <p>Not for WildFly's own binding ({@code org.slf4j.impl.Slf4jMDCAdapter}, slf4j-jboss-logmanager): it writes to the
 * JBoss LogManager's MDC, an {@code InheritableThreadLocal} (read in jboss-logmanager 2.1.19, {@code MDC$Holder}),
 * so a thread created while a request runs (a pool growing on a task's submission) would keep a copy of that
 * request's context for good. Records of that binding reach JBoss Logging, where the module's bridge gives them the
 * right context ({@code telemetry.log.categories}). Nor for SLF4J without a binding (its no-op MDC).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class Slf4jMdc extends ContextMirror {
    private Slf4jMdc() {
        super("SLF4J MDC");
    }

    static ContextMirror create() {
        try {
            String adapter = String.valueOf(MDC.getMDCAdapter() == null ? null
                    : MDC.getMDCAdapter().getClass().getName());
            if (adapter.equals("org.slf4j.impl.Slf4jMDCAdapter") || adapter.startsWith("org.jboss.")
                    || adapter.equals("org.slf4j.helpers.NOPMDCAdapter") || adapter.equals("null")) {
                return NONE;
            }
            return new Slf4jMdc();
        } catch (RuntimeException | LinkageError e) {
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
