package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;

/**
 * Where structured lines go once the module is running: a level threshold and a non-blocking hand-off.
 *
 * <p>Internal API: may change without notice. Implementations are thread-safe and never throw.
 */
public interface LogPipeline {
    boolean isEnabled(LogLevel level);

    /** Hands the event off; never blocks and never throws (a line that cannot be queued is counted as dropped). */
    void publish(LogEvent event);
}
