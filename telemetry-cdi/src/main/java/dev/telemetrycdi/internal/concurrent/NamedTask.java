package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.enterprise.concurrent.ManagedTaskListener;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A task with a name: a {@link ManagedTask} whose {@link ManagedTask#IDENTITY_NAME} is that name (so the server's
 * own tools show it too), keeping the execution properties and listener of a task that already was a
 * {@code ManagedTask}.
 *
 * <p>Internal API: may change without notice. Thread-safe if the named task is.
 */
public abstract class NamedTask implements ManagedTask {
    private final Object task;
    private final Map<String, String> properties;

    NamedTask(String name, Object task) {
        this.task = task;
        Map<String, String> own = task instanceof ManagedTask ? ((ManagedTask) task).getExecutionProperties() : null;
        properties = own == null ? new HashMap<>() : new HashMap<>(own);
        properties.put(ManagedTask.IDENTITY_NAME, name);
    }

    public static Runnable runnable(String name, Runnable task) {
        return new NamedRunnable(name, task);
    }

    public static <T> Callable<T> callable(String name, Callable<T> task) {
        return new NamedCallable<>(name, task);
    }

    @Override
    public Map<String, String> getExecutionProperties() {
        return properties;
    }

    @Override
    public ManagedTaskListener getManagedTaskListener() {
        return task instanceof ManagedTask ? ((ManagedTask) task).getManagedTaskListener() : null;
    }

    @Override
    public String toString() {
        return properties.get(ManagedTask.IDENTITY_NAME);
    }

    private static final class NamedRunnable extends NamedTask implements Runnable {
        private final Runnable runnable;

        NamedRunnable(String name, Runnable runnable) {
            super(name, runnable);
            this.runnable = runnable;
        }

        @Override
        public void run() {
            runnable.run();
        }
    }

    private static final class NamedCallable<T> extends NamedTask implements Callable<T> {
        private final Callable<T> callable;

        NamedCallable(String name, Callable<T> callable) {
            super(name, callable);
            this.callable = callable;
        }

        @Override
        public T call() throws Exception {
            return callable.call();
        }
    }
}
