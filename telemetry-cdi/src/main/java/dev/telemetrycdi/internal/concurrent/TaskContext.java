package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.context.RequestIds;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.work.Work;
import dev.telemetrycdi.internal.work.WorkScope;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a submitter had when it handed a task over: its context, its trace context and the task's name. Each run
 * of the task replaces the running thread's context with these fields plus a fresh {@code task.id} and the
 * {@code task.name}, opens an internal span (a child of the submitter's) when tracing is on, writes
 * {@code task_started} and then {@code task_completed} or {@code task_failed}, and in {@code finally} closes the
 * span and restores the thread's previous context: the lifecycle of {@link Work} and {@link WorkScope}, with
 * {@link TaskLines#KIND}. The task's exception is rethrown unchanged.
 *
 * <p>Internal API: may change without notice. Thread-safe (immutable); one instance may run many times (a
 * periodic task), each run with its own {@code task.id}.
 */
public final class TaskContext {
    private final Fields context;
    private final Object parent;
    private final String name;
    private final SpanAccess spans;

    TaskContext(Fields context, Object parent, String name, SpanAccess spans) {
        this.context = context;
        this.parent = parent;
        this.name = name;
        this.spans = spans;
    }

    public String name() {
        return name;
    }

    /** The same captured context for a task named {@code name}. */
    TaskContext named(String name) {
        return new TaskContext(context, parent, name, spans);
    }

    /** Runs {@code body} in the task's context; its result or exception (rethrown unchanged) passes through. */
    public <T> T call(Callable<T> body) throws Exception {
        return call(body, result -> null, (result, failure) -> { });
    }

    /**
     * Like {@link #call(Callable)}, but a result for which {@code failureOf} gives an exception (e.g. a future that
     * is already completed exceptionally) is reported as {@code task_failed} with it, and still returned.
     */
    public <T> T call(Callable<T> body, Function<? super T, Throwable> failureOf) throws Exception {
        return call(body, failureOf, (result, failure) -> { });
    }

    /** Runs {@code body} in the task's context; an exception, checked or not, is rethrown unchanged. */
    public void run(Runnable body) {
        try {
            call(() -> {
                body.run();
                return null;
            });
        } catch (Exception e) {
            throw TaskContext.<RuntimeException>unchecked(e);
        }
    }

    /**
     * Runs {@code body} in the task's context and completes {@code future} with its outcome while still in that
     * context, so that dependent stages run synchronously by the completion see it. Never throws.
     */
    public <T> void complete(Supplier<T> body, CompletableFuture<T> future) {
        try {
            call(body::get, result -> null, (result, failure) -> {
                if (failure == null) {
                    future.complete(result);
                } else {
                    future.completeExceptionally(failure);
                }
            });
        } catch (Exception | Error e) {
            // the failure went to the future, as CompletableFuture.supplyAsync does
        }
    }

    private <T> T call(Callable<T> body, Function<? super T, Throwable> failureOf,
                       BiConsumer<? super T, Throwable> outcome) throws Exception {
        Fields fields = context.with(FieldNames.TASK_ID, RequestIds.newId()).with(FieldNames.TASK_NAME, name);
        boolean handingOver = HandOver.suspend();
        try (WorkScope scope = WorkScope.bind(fields,
                () -> spans.openSpan(parent, name, SpanAccess.Kind.INTERNAL, fields))) {
            T result;
            try {
                result = TaskLines.KIND.start().run(fields, body, failureOf);
            } catch (Exception | Error e) {
                outcome.accept(null, e);
                throw e;
            }
            outcome.accept(result, null);
            return result;
        } finally {
            HandOver.resume(handingOver);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E unchecked(Throwable e) throws E {
        throw (E) e;
    }
}
