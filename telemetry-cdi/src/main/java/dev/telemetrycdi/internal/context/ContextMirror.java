package dev.telemetrycdi.internal.context;

import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps another logging API's per-thread context map (SLF4J's {@code MDC}, Log4j 2's {@code ThreadContext}) in step
 * with the module's context, so that an application's own Logback, logstash-logback-encoder or Log4j 2 layout shows
 * {@code request.id}, {@code user.id}, labels and trace ids without a change. {@link ContextStorage} calls
 * {@link #replace} whenever the current thread's context changes, restores included; only the module's keys are put
 * or removed, the application's own keys stay as they are.
 *
 * <p>Values are written as text: a list ({@code labels}) as its elements joined by commas. A map that fails once
 * (a broken binding) is left alone from then on, said once as {@code TCDI0010W}.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
abstract class ContextMirror {
    static final ContextMirror NONE = new ContextMirror("none") {
        @Override
        void put(String key, String value) {
        }

        @Override
        void remove(String key) {
        }
    };

    private final String name;
    private volatile boolean broken;

    ContextMirror(String name) {
        this.name = name;
    }

    /** Makes the map show {@code to} where it showed {@code from} (both the module's context, never null). */
    final void replace(Fields from, Fields to) {
        if (broken || from == to) {
            return;
        }
        try {
            apply(from, to);
        } catch (RuntimeException | LinkageError e) {
            broken = true;
            Logger.getLogger("dev.telemetrycdi").log(Level.WARNING, "TCDI0010W: telemetry-cdi stops keeping the "
                    + name + " in step with its context (" + e + "): records written through it no longer carry"
                    + " request.id and the other context fields; the module's own lines are unaffected.");
        }
    }

    /** Removes the keys of {@code from} that {@code to} lacks and puts those of {@code to} that changed, one by one. */
    void apply(Fields from, Fields to) {
        for (int i = 0; i < from.size(); i++) {
            if (to.indexOf(from.key(i)) < 0) {
                remove(from.key(i));
            }
        }
        for (int i = 0; i < to.size(); i++) {
            Object value = to.value(i);
            int before = from.indexOf(to.key(i));
            if (value == null) {
                if (before >= 0) {
                    remove(to.key(i));
                }
            } else if (before < 0 || !value.equals(from.value(before))) {
                put(to.key(i), text(value));
            }
        }
    }

    abstract void put(String key, String value);

    abstract void remove(String key);

    static String text(Object value) {
        if (value instanceof Collection) {
            StringBuilder joined = new StringBuilder();
            for (Object element : (Collection<?>) value) {
                joined.append(joined.length() == 0 ? "" : ",").append(element);
            }
            return joined.toString();
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Two maps kept in step together. */
    static ContextMirror both(ContextMirror first, ContextMirror second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return new ContextMirror(first + " and " + second) {
            @Override
            void apply(Fields from, Fields to) {
                first.apply(from, to);
                second.apply(from, to);
            }

            @Override
            void put(String key, String value) {
                first.put(key, value);
                second.put(key, value);
            }

            @Override
            void remove(String key) {
                first.remove(key);
                second.remove(key);
            }
        };
    }

    /**
     * The maps of the logging APIs {@code loader} sees (the application's class loader, which loads this module):
     * SLF4J's MDC, Log4j 2's ThreadContext, both or none. Never throws; no class of an absent API is loaded.
     */
    static ContextMirror detect(ClassLoader loader) {
        ContextMirror slf4j = visible("org.slf4j.MDC", loader) ? Slf4jMdc.create() : NONE;
        ContextMirror log4j = visible("org.apache.logging.log4j.ThreadContext", loader) ? Log4jThreadContext.create()
                : NONE;
        return both(slf4j, log4j);
    }

    private static boolean visible(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
