package dev.telemetrycdi.internal.concurrent;

/**
 * A {@link Runnable} that runs in its submitter's context.
 *
 * <p>Internal API: may change without notice.
 */
final class ContextualRunnable extends ContextualTask implements Runnable {
    private final Runnable runnable;

    ContextualRunnable(Runnable runnable, TaskContext context) {
        super(runnable, context);
        this.runnable = runnable;
    }

    @Override
    public void run() {
        context.run(runnable);
    }
}
