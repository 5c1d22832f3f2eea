package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.enterprise.concurrent.ManagedTaskListener;

import java.util.Map;

/**
 * A task wrapped with its submitter's {@link TaskContext}. Anything that is already a {@code ContextualTask} is
 * never wrapped again. A wrapped {@link ManagedTask} keeps working: its execution properties and listener are the
 * wrapper's (the listener is told about the wrapper, not the original task).
 *
 * <p>Internal API: may change without notice. Thread-safe if the wrapped task is.
 */
public abstract class ContextualTask implements ManagedTask {
    final Object task;
    final TaskContext context;

    ContextualTask(Object task, TaskContext context) {
        this.task = task;
        this.context = context;
    }

    @Override
    public Map<String, String> getExecutionProperties() {
        return task instanceof ManagedTask ? ((ManagedTask) task).getExecutionProperties() : null;
    }

    @Override
    public ManagedTaskListener getManagedTaskListener() {
        return task instanceof ManagedTask ? ((ManagedTask) task).getManagedTaskListener() : null;
    }

    @Override
    public String toString() {
        return context.name() + " (with telemetry context) " + task;
    }
}
