package dev.telemetrycdi.internal.logging;

/**
 * What an application's log hand-off queue looks like now, as a platform MBean
 * ({@code dev.telemetrycdi:type=LogSink,name=<application>}): for load tests and operators watching for a queue that
 * grows or drops lines.
 *
 * <p>Internal API: may change without notice.
 */
public interface SinkStatsMBean {
    /** Lines waiting to be written. */
    int getQueued();

    /** The queue's capacity ({@code telemetry.log.queue-size}). */
    int getCapacity();

    /** Lines dropped since the application started. */
    long getDropped();
}
