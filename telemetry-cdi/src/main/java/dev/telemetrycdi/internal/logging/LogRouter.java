package dev.telemetrycdi.internal.logging;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's active {@link LogPipeline}, so that a logger held in a {@code static final} field finds
 * it. This is the module's one static: it lives in the WAR's class loader, so each application has its own,
 * and it is set and cleared by the application's start-up and shutdown only.
 *
 * <p>Internal API: may change without notice.
 */
public final class LogRouter {
    private static final AtomicReference<LogPipeline> ACTIVE = new AtomicReference<>();

    private LogRouter() {
    }

    /** The running pipeline, or null when structured logging is off (not started, disabled, or stopped). */
    public static LogPipeline active() {
        return ACTIVE.get();
    }

    public static void activate(LogPipeline pipeline) {
        ACTIVE.set(pipeline);
    }

    /** Clears the active pipeline if it is still {@code pipeline}. */
    public static void deactivate(LogPipeline pipeline) {
        ACTIVE.compareAndSet(pipeline, null);
    }
}
