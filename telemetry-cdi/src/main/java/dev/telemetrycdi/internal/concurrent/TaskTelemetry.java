package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.LogRouter;
import dev.telemetrycdi.internal.tracing.SpanAccess;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Wraps tasks at submit time: captures the submitter's context and trace context into a {@link TaskContext}, and
 * leaves a task unwrapped when the module does not run or the task is already wrapped.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
public final class TaskTelemetry {
    private final BooleanSupplier active;
    private final Supplier<SpanAccess> spans;

    /**
     * @param active whether the module runs (asked at every submission)
     * @param spans  where task spans are opened ({@link SpanAccess#NONE} unless tracing is on)
     */
    public TaskTelemetry(BooleanSupplier active, Supplier<SpanAccess> spans) {
        this.active = active;
        this.spans = spans;
    }

    public static TaskTelemetry of(Running running) {
        return new TaskTelemetry(running::active, running::spans);
    }

    /**
     * The running module, looked up once through CDI when an executor is wrapped by hand; outside a CDI
     * application, tasks are wrapped while the module's output runs, without spans.
     */
    public static TaskTelemetry lookup() {
        Running running = Running.lookup();
        return running.active() ? of(running)
                : new TaskTelemetry(() -> LogRouter.active() != null, () -> SpanAccess.NONE);
    }

    /** Whether the module runs, so that tasks handed over now are wrapped. Never throws. */
    boolean isActive() {
        try {
            return active.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The current thread's context for a task named {@code name}, or null when the module does not run. */
    public TaskContext capture(String name) {
        try {
            if (!active.getAsBoolean()) {
                return null;
            }
            SpanAccess tracing = spans.get();
            Fields context = ContextStorage.current();
            if (tracing != SpanAccess.NONE) {
                // the submitter's trace_id / span_id (a request binds them): the task's lines carry its own span's
                context = context.without(FieldNames.TRACE_ID).without(FieldNames.SPAN_ID)
                        .without(FieldNames.TRACE_FLAGS);
            }
            return new TaskContext(context, tracing.captureParent(), name, tracing);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public Runnable wrap(Runnable task) {
        if (task == null || task instanceof ContextualTask) {
            return task;
        }
        TaskContext context = capture(TaskNames.of(task));
        return context == null ? task : new ContextualRunnable(task, context);
    }

    public <T> Callable<T> wrap(Callable<T> task) {
        if (task == null || task instanceof ContextualTask) {
            return task;
        }
        TaskContext context = capture(TaskNames.of(task));
        return context == null ? task : new ContextualCallable<>(task, context);
    }

    public <T> List<Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
        if (tasks == null) {
            return null;
        }
        List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            wrapped.add(wrap(task));
        }
        return wrapped;
    }
}
