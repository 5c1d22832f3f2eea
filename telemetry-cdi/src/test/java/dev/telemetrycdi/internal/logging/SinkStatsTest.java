package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SinkStatsTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void theQueueIsVisibleWhileRegisteredAndGoneAfterClose() throws Exception {
        AsyncLogSink sink = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), new ByteArrayOutputStream(), 2,
                10_000, "t");
        ObjectName name = new ObjectName("dev.telemetrycdi:type=LogSink,name=" + ObjectName.quote("stats-test"));
        try (SinkStats stats = SinkStats.register(sink, "stats-test")) {
            sink.publish(Events.event("one"));
            sink.publish(Events.event("two"));
            sink.publish(Events.event("three")); // not started: the queue of 2 is full
            assertEquals(2, server.getAttribute(name, "Queued"));
            assertEquals(2, server.getAttribute(name, "Capacity"));
            assertEquals(1L, server.getAttribute(name, "Dropped"));
        }
        assertFalse(server.isRegistered(name));
        sink.close();
    }

    @Test
    void twoCopiesOfAnApplicationGetTwoNames() throws Exception {
        AsyncLogSink sink = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), new ByteArrayOutputStream(), 4,
                10_000, "t");
        try (SinkStats first = SinkStats.register(sink, "twice"); SinkStats second = SinkStats.register(sink, "twice")) {
            assertTrue(server.isRegistered(new ObjectName("dev.telemetrycdi:type=LogSink,name=\"twice\"")));
            assertTrue(server.isRegistered(new ObjectName("dev.telemetrycdi:type=LogSink,name=\"twice\",instance=1")));
        }
        sink.close();
    }
}
