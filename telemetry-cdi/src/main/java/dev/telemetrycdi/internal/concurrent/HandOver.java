package dev.telemetrycdi.internal.concurrent;

/**
 * Marks the current thread while one of the module's decorators hands a task, a thread's work or a contextual
 * object that already carries the module's context to the server: the server asks {@link TelemetryContextProvider}
 * for a snapshot during that call, and the provider steps aside (binds nothing) instead of capturing the same
 * context a second time. Cost: one thread-local read per provider call, one read and two writes per hand-over.
 *
 * <pre>{@code
 * boolean marked = HandOver.begin(wrapped != task);
 * try {
 *     return delegate.submit(wrapped);
 * } finally {
 *     HandOver.end(marked);
 * }
 * }</pre>
 *
 * <p>Internal API: may change without notice. Thread-safe (per-thread state, always reset in {@code finally}).
 */
final class HandOver {
    /** A Boolean per thread, never removed: the entry is reused, so a hand-over allocates nothing. */
    private static final ThreadLocal<Boolean> CARRIED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private HandOver() {
    }

    /** Marks the thread if {@code carried} (the module's decorator carries the context itself); true if it did. */
    static boolean begin(boolean carried) {
        if (!carried || CARRIED.get()) {
            return false;
        }
        CARRIED.set(Boolean.TRUE);
        return true;
    }

    /** Ends what {@link #begin} started (a no-op if it returned false). */
    static void end(boolean began) {
        if (began) {
            CARRIED.set(Boolean.FALSE);
        }
    }

    /**
     * Unmarks the thread while handed-over work runs on it (a server may run a task on the submitting thread, and
     * what that work submits is not carried by the decorator); returns what {@link #resume} puts back.
     */
    static boolean suspend() {
        boolean carried = CARRIED.get();
        if (carried) {
            CARRIED.set(Boolean.FALSE);
        }
        return carried;
    }

    /** Puts back what {@link #suspend} took. */
    static void resume(boolean carried) {
        if (carried) {
            CARRIED.set(Boolean.TRUE);
        }
    }

    /** Whether the module's decorator carries the context of what the server is capturing for now. */
    static boolean carried() {
        return CARRIED.get();
    }
}
