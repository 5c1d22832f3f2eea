package dev.telemetrycdi;

/**
 * A binding of context fields on the current thread. Closing it restores exactly the context that was bound
 * before it was opened; use it in try-with-resources:
 *
 * <pre>{@code
 * try (ContextScope scope = TelemetryContext.bind("match.id", matchId)) {
 *     log.info("match_scored", "points", 3);   // carries match.id
 * }                                            // match.id is gone again
 * }</pre>
 *
 * <p>Not thread-safe: close it on the thread that opened it (closing elsewhere does nothing).
 */
public interface ContextScope extends AutoCloseable {
    /** Restores the previous context. Never throws; closing twice has no further effect. */
    @Override
    void close();
}
