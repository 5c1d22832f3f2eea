package dev.telemetrycdi.internal.context;

/**
 * Where the current thread's bound context lives. Every change goes through {@link #attach}, which returns a
 * scope that puts back what it replaced; nothing here clears a thread's context without such a scope.
 *
 * <p>Internal API: may change without notice.
 */
public final class ContextStorage {
    private static final ThreadLocal<Fields> CURRENT = new ThreadLocal<>();
    /** The application's SLF4J MDC / Log4j 2 ThreadContext, kept in step; decided once per application. */
    private static final ContextMirror MIRROR = ContextMirror.detect(ContextStorage.class.getClassLoader());

    private ContextStorage() {
    }

    /** The current thread's context, never null. */
    public static Fields current() {
        Fields fields = CURRENT.get();
        return fields == null ? Fields.EMPTY : fields;
    }

    /**
     * Makes {@code fields} the current thread's context until the returned scope is closed; closing restores
     * the context that was current before, on the thread that attached it.
     */
    public static Scope attach(Fields fields) {
        Fields previous = CURRENT.get();
        set(previous, fields);
        return new Scope(previous);
    }

    private static void set(Fields previous, Fields fields) {
        if (fields == null || fields.isEmpty()) {
            CURRENT.remove();
        } else {
            CURRENT.set(fields);
        }
        if (MIRROR != ContextMirror.NONE) {
            MIRROR.replace(previous == null ? Fields.EMPTY : previous, fields == null ? Fields.EMPTY : fields);
        }
    }

    /** Restores the context that was current when it was opened. Closing twice has no further effect. */
    public static final class Scope implements AutoCloseable {
        private final Fields previous;
        private final Thread owner = Thread.currentThread();
        private boolean closed;

        private Scope(Fields previous) {
            this.previous = previous;
        }

        /**
         * Replaces the context this scope made current (while the scope is open, on its own thread), e.g. when
         * a later stage of the same request learns more fields. The restore on close is unchanged.
         */
        public void update(Fields fields) {
            if (!closed && Thread.currentThread() == owner) {
                set(CURRENT.get(), fields);
            }
        }

        @Override
        public void close() {
            if (!closed && Thread.currentThread() == owner) {
                closed = true;
                set(CURRENT.get(), previous);
            }
        }
    }
}
