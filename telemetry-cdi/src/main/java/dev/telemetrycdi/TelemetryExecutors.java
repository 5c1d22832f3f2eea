package dev.telemetrycdi;

import dev.telemetrycdi.internal.concurrent.NamedTask;
import dev.telemetrycdi.internal.concurrent.TaskTelemetry;
import dev.telemetrycdi.internal.concurrent.TelemetryExecutorService;
import dev.telemetrycdi.internal.concurrent.TelemetryScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import java.util.concurrent.Callable;

/**
 * Executors whose tasks run in the context of the code that submitted them, each run with its own task lines.
 * At submission the submitter's context (request.id, user.id, labels, ids, and the trace context) is captured;
 * each run replaces the worker thread's context with it plus a new {@code task.id} and the {@code task.name},
 * runs in a span that is a child of the submitter's (when tracing is on), writes {@code task_started} and then
 * {@code task_completed} (with {@code duration_ms}) or {@code task_failed} (with the exception, which is rethrown
 * unchanged), and restores the worker thread's previous context afterwards.
 *
 * <pre>{@code
 * @Resource(lookup = "java:app/concurrent/reports") ManagedExecutorService reports;
 *
 * ManagedExecutorService executor = TelemetryExecutors.wrap(reports);   // once, e.g. in @PostConstruct
 * executor.submit(TelemetryExecutors.named("process_match_stats", () -> stats.process(matchId)));
 * }</pre>
 *
 * <p>The server's default executors need nothing: a {@code @Resource ManagedExecutorService} field (or
 * {@code ManagedScheduledExecutorService}, {@code ManagedThreadFactory}, {@code ContextService}) of a CDI bean,
 * JAX-RS resource, servlet or session bean holds the decorated executor once the container has injected it. Wrap
 * executors the application defines or looks up, or inject {@code @Inject @WithTelemetry
 * ManagedExecutorService}. Every method that takes a task wraps it (a task is never wrapped twice); the others are
 * the wrapped executor's. While the module is not running, tasks are submitted unwrapped. Thread-safe.
 */
public final class TelemetryExecutors {
    private TelemetryExecutors() {
    }

    /** {@code executor} with its tasks run in their submitter's context; an already wrapped one is returned as is. */
    public static ManagedExecutorService wrap(ManagedExecutorService executor) {
        if (executor instanceof ManagedScheduledExecutorService) {
            return wrap((ManagedScheduledExecutorService) executor);
        }
        if (executor == null || executor instanceof TelemetryExecutorService) {
            return executor;
        }
        return new TelemetryExecutorService(executor, TaskTelemetry.lookup());
    }

    /** {@code executor} with its tasks run in their submitter's context; an already wrapped one is returned as is. */
    public static ManagedScheduledExecutorService wrap(ManagedScheduledExecutorService executor) {
        if (executor == null || executor instanceof TelemetryScheduledExecutorService) {
            return executor;
        }
        return new TelemetryScheduledExecutorService(executor, TaskTelemetry.lookup());
    }

    /**
     * {@code task} with the {@code task.name} {@code name}: a {@code ManagedTask} whose {@code IDENTITY_NAME} is
     * {@code name} (a {@code ManagedTask} given here keeps its other execution properties and its listener).
     */
    public static Runnable named(String name, Runnable task) {
        return NamedTask.runnable(name, task);
    }

    /** {@code task} with the {@code task.name} {@code name}; see {@link #named(String, Runnable)}. */
    public static <T> Callable<T> named(String name, Callable<T> task) {
        return NamedTask.callable(name, task);
    }
}
