package dev.telemetrycdi.internal.logging;

/**
 * A second output of the lines the sink writes: called on the writer thread with each line it formats, right after
 * the line itself, so that the logging threads pay nothing for it (e.g. the OTLP log records of
 * {@code telemetry.log.otlp}).
 *
 * <p>Internal API: may change without notice. Implementations are confined to the writer thread, never block for
 * long and never throw (the sink catches a throw anyway: the line itself is written whatever the copy does).
 */
public interface LineCopy {
    /** No second output. */
    LineCopy NONE = event -> { };

    void copy(LogEvent event);
}
