package dev.telemetrycdi.internal.logging;

import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers an {@link AsyncLogSink}'s {@link SinkStatsMBean} on the platform MBean server while the sink runs; closing
 * unregisters it. Registration is best effort: a server that refuses it loses the statistics, never the logging.
 *
 * <p>Internal API: may change without notice. Open and close on one thread.
 */
public final class SinkStats implements SinkStatsMBean, AutoCloseable {
    private static final Logger DIAGNOSTICS = Logger.getLogger("dev.telemetrycdi");

    private final AsyncLogSink sink;
    private ObjectName registered;

    private SinkStats(AsyncLogSink sink) {
        this.sink = sink;
    }

    /** Registers {@code sink}'s statistics under {@code name} (made unique with a counter if it is taken). */
    public static SinkStats register(AsyncLogSink sink, String name) {
        SinkStats stats = new SinkStats(sink);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String base = "dev.telemetrycdi:type=LogSink,name=" + ObjectName.quote(name == null || name.isEmpty() ? "app" : name);
        for (int attempt = 0; attempt < 10 && stats.registered == null; attempt++) {
            try {
                ObjectName candidate = new ObjectName(attempt == 0 ? base : base + ",instance=" + attempt);
                server.registerMBean(stats, candidate);
                stats.registered = candidate;
            } catch (javax.management.InstanceAlreadyExistsException e) {
                // another copy of the application: try the next instance number
            } catch (JMException | RuntimeException e) {
                DIAGNOSTICS.fine("telemetry-cdi: log sink statistics not registered: " + e);
                break;
            }
        }
        return stats;
    }

    @Override
    public int getQueued() {
        return sink.queued();
    }

    @Override
    public int getCapacity() {
        return sink.capacity();
    }

    @Override
    public long getDropped() {
        return sink.dropped();
    }

    @Override
    public void close() {
        if (registered != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
            } catch (JMException | RuntimeException e) {
                // already gone
            }
            registered = null;
        }
    }
}
