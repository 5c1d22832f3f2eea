package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.Trigger;

import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ManagedScheduledExecutorService} whose tasks run in their submitter's context. A periodic or
 * trigger-driven task keeps the context of its scheduling and gets a new {@code task.id} for every run.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class TelemetryScheduledExecutorService extends TelemetryExecutorService
        implements ManagedScheduledExecutorService {
    private final ManagedScheduledExecutorService scheduler;

    public TelemetryScheduledExecutorService(ManagedScheduledExecutorService delegate, TaskTelemetry tasks) {
        super(delegate, tasks);
        this.scheduler = delegate;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, Trigger trigger) {
        Runnable wrapped = tasks.wrap(command);
        boolean marked = HandOver.begin(wrapped instanceof ContextualTask);
        try {
            return scheduler.schedule(wrapped, trigger);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, Trigger trigger) {
        Callable<V> wrapped = tasks.wrap(callable);
        boolean marked = HandOver.begin(wrapped instanceof ContextualTask);
        try {
            return scheduler.schedule(wrapped, trigger);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Runnable wrapped = tasks.wrap(command);
        boolean marked = HandOver.begin(wrapped instanceof ContextualTask);
        try {
            return scheduler.schedule(wrapped, delay, unit);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        Callable<V> wrapped = tasks.wrap(callable);
        boolean marked = HandOver.begin(wrapped instanceof ContextualTask);
        try {
            return scheduler.schedule(wrapped, delay, unit);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        Runnable wrapped = tasks.wrap(command);
        boolean marked = HandOver.begin(wrapped instanceof ContextualTask);
        try {
            return scheduler.scheduleAtFixedRate(wrapped, initialDelay, period, unit);
        } finally {
            HandOver.end(marked);
        }
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        Runnable wrapped = tasks.wrap(command);
        boolean marked = HandOver.begin(wrapped instanceof ContextualTask);
        try {
            return scheduler.scheduleWithFixedDelay(wrapped, initialDelay, delay, unit);
        } finally {
            HandOver.end(marked);
        }
    }
}
