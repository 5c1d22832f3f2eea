package dev.telemetrycdi.internal.context;

import org.apache.logging.log4j.ThreadContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Log4j 2's default map copies itself on every write: all removals in one {@code removeAll} and all puts in one
     * {@code putAll}, one copy each instead of one per key.
     */
    @Override
    void apply(Fields from, Fields to) {
        List<String> gone = null;
        for (int i = 0; i < from.size(); i++) {
            int after = to.indexOf(from.key(i));
            if (after < 0 || to.value(after) == null) {
                gone = added(gone, from.key(i));
            }
        }
        Map<String, String> changed = null;
        for (int i = 0; i < to.size(); i++) {
            Object value = to.value(i);
            int before = from.indexOf(to.key(i));
            if (value != null && (before < 0 || !value.equals(from.value(before)))) {
                if (changed == null) {
                    changed = new HashMap<>();
                }
                changed.put(to.key(i), text(value));
            }
        }
        if (gone != null) {
            ThreadContext.removeAll(gone);
        }
        if (changed != null) {
            ThreadContext.putAll(changed);
        }
    }

    private static List<String> added(List<String> list, String key) {
        List<String> grown = list == null ? new ArrayList<>(4) : list;
        grown.add(key);
        return grown;
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
