package dev.telemetrycdi.internal.context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the current thread's bound context lives: a stack of {@link Scope}s, one per {@link #attach}, each holding
 * the whole context it made current. Closing a scope makes current again the context of the scope below it, as that
 * scope holds it then (not a copy taken when the closed one was opened), so that a scope opened and closed inside a
 * request keeps what the request learnt meanwhile ({@link Scope#update}). Nothing here clears a thread's context
 * without such a scope.
 *
 * <p>Scopes close in the reverse order of their opening (try-with-resources). A scope closed while scopes opened
 * after it are still open closes them too, restores what it replaced, and is reported once per application
 * ({@code TCDI0011W}), as OpenTelemetry's {@code ThreadLocalContextStorage} reports a scope closed out of order.
 *
 * <p>Internal API: may change without notice.
 */
public final class ContextStorage {
    private static final ThreadLocal<Scope> TOP = new ThreadLocal<>();
    /** The application's SLF4J MDC / Log4j 2 ThreadContext, kept in step; decided once per application. */
    private static final ContextMirror MIRROR = ContextMirror.detect(ContextStorage.class.getClassLoader());
    private static final AtomicBoolean OUT_OF_ORDER_REPORTED = new AtomicBoolean();

    private ContextStorage() {
    }

    /** The current thread's context, never null. */
    public static Fields current() {
        Scope top = TOP.get();
        return top == null ? Fields.EMPTY : top.fields;
    }

    /**
     * Makes {@code fields} the current thread's context until the returned scope is closed; closing restores
     * the context of the scope below, on the thread that attached it.
     */
    public static Scope attach(Fields fields) {
        Scope below = TOP.get();
        Scope scope = new Scope(below, fields == null ? Fields.EMPTY : fields);
        TOP.set(scope);
        mirror(below == null ? Fields.EMPTY : below.fields, scope.fields);
        return scope;
    }

    private static void mirror(Fields from, Fields to) {
        if (MIRROR != ContextMirror.NONE) {
            MIRROR.replace(from, to);
        }
    }

    private static void reportOutOfOrder() {
        if (OUT_OF_ORDER_REPORTED.compareAndSet(false, true)) {
            Logger.getLogger("dev.telemetrycdi").log(Level.WARNING, "TCDI0011W: a telemetry-cdi context scope was"
                    + " closed while scopes opened after it on the same thread were still open (a ContextScope not"
                    + " closed, or closed out of order); the module closed them and restored the context the outer"
                    + " scope had replaced. Open every ContextScope in a try-with-resources statement. Said once.");
        }
    }

    /** One context made current on one thread; closing puts back the context of the scope below it. */
    public static final class Scope implements AutoCloseable {
        private final Scope below;
        private final Thread owner = Thread.currentThread();
        private Fields fields;
        private boolean closed;

        private Scope(Scope below, Fields fields) {
            this.below = below;
            this.fields = fields;
        }

        /**
         * Replaces the context this scope made current (while the scope is open, on its own thread), e.g. when a
         * later stage of the same request learns more fields. Scopes opened above it since are carried along: each
         * that added fields to the context below it keeps its additions on top of the new context; one that
         * replaced the context below it as a whole (it lacks some of its fields) keeps its own.
         */
        public void update(Fields updated) {
            if (closed || Thread.currentThread() != owner || updated == null) {
                return;
            }
            Scope top = TOP.get();
            if (top == this) { // the usual case: nothing bound above the request's own scope
                Fields before = fields;
                fields = updated;
                mirror(before, updated);
                return;
            }
            List<Scope> above = new ArrayList<>(2);
            for (Scope scope = top; scope != null && scope != this; scope = scope.below) {
                above.add(scope);
            }
            if (above.isEmpty() || above.get(above.size() - 1).below != this) {
                return; // not on this thread's stack any more
            }
            Fields before = top.fields;
            Fields previous = fields;
            fields = updated;
            Fields base = updated;
            for (int i = above.size() - 1; i >= 0; i--) {
                Scope scope = above.get(i);
                Fields rebased = rebase(scope.fields, previous, base);
                previous = scope.fields;
                scope.fields = rebased;
                base = rebased;
            }
            mirror(before, TOP.get().fields);
        }

        /**
         * {@code fields} (a scope's context, made from {@code oldBase}, the context below it then) on top of
         * {@code newBase}: its additions and changes kept, the rest from the new base; unchanged if it did not
         * keep every field of the old base (it replaced the context rather than adding to it).
         */
        static Fields rebase(Fields fields, Fields oldBase, Fields newBase) {
            for (int i = 0; i < oldBase.size(); i++) {
                if (fields.indexOf(oldBase.key(i)) < 0) {
                    return fields;
                }
            }
            Fields.Builder result = Fields.builder(newBase.size() + 2).putAll(newBase);
            for (int i = 0; i < fields.size(); i++) {
                String key = fields.key(i);
                int old = oldBase.indexOf(key);
                if (old < 0 || !java.util.Objects.equals(oldBase.value(old), fields.value(i))) {
                    result.put(key, fields.value(i));
                }
            }
            return result.build();
        }

        @Override
        public void close() {
            if (closed || Thread.currentThread() != owner) {
                return;
            }
            Scope top = TOP.get();
            if (top != this) {
                boolean onStack = false;
                for (Scope scope = top; scope != null; scope = scope.below) {
                    if (scope == this) {
                        onStack = true;
                        break;
                    }
                }
                if (!onStack) {
                    closed = true; // closed already with a scope below it
                    return;
                }
                reportOutOfOrder();
                for (Scope scope = top; scope != this; scope = scope.below) {
                    scope.closed = true;
                }
            }
            closed = true;
            // null rather than remove(): the thread keeps its (empty) entry, so the next request's attach allocates
            // none; a null value holds nothing of the application
            TOP.set(below);
            mirror(top == null ? Fields.EMPTY : top.fields, below == null ? Fields.EMPTY : below.fields);
        }
    }
}
