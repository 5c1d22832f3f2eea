package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;

import java.util.concurrent.Callable;

/**
 * The fields a thread had when it created a thread or a contextual object, bound around each run of it: no task
 * lines, no {@code task.id} (a thread or a proxy is not a task). Each run restores the running thread's previous
 * context in {@code finally}.
 *
 * <p>Internal API: may change without notice. Thread-safe (immutable).
 */
final class BoundContext {
    private final Fields fields;

    private BoundContext(Fields fields) {
        this.fields = fields;
    }

    /** The current thread's context, or null when the module does not run. Never throws. */
    static BoundContext capture(TaskTelemetry tasks) {
        return tasks.isActive() ? new BoundContext(ContextStorage.current()) : null;
    }

    <T> T call(Callable<T> body) throws Exception {
        boolean handingOver = HandOver.suspend();
        try (ContextStorage.Scope scope = ContextStorage.attach(fields)) {
            return body.call();
        } finally {
            HandOver.resume(handingOver);
        }
    }

    void run(Runnable body) {
        boolean handingOver = HandOver.suspend();
        try (ContextStorage.Scope scope = ContextStorage.attach(fields)) {
            body.run();
        } finally {
            HandOver.resume(handingOver);
        }
    }

    @Override
    public String toString() {
        return "context " + fields;
    }
}
