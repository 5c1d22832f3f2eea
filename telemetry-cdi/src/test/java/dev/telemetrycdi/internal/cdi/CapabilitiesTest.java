package dev.telemetrycdi.internal.cdi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilitiesTest {
    private static final String[] OPTIONAL_APIS = {"jakarta.websocket", "jakarta.enterprise.concurrent", "jakarta.jms",
            "jakarta.batch", "io.opentelemetry"};

    @Test
    void everyCapabilityIsOnWhereEveryApiIsVisible() {
        Capabilities all = Capabilities.detect(CapabilitiesTest.class.getClassLoader());

        for (Capability capability : Capability.values()) {
            assertTrue(all.has(capability), capability.label());
        }
        assertEquals(List.of(), all.off());
        assertNull(all.offMessage());
    }

    @Test
    void onlyCdiServletRestAndConfigLeaveEveryCapabilityOffAndOneMessageNamesThemAll() {
        Capabilities none = Capabilities.detect(new HidingClassLoader(OPTIONAL_APIS));

        assertEquals(List.of("websocket", "tasks", "jms", "batch", "tracing"), none.off());
        String message = none.offMessage();
        assertTrue(message.startsWith("TCDI0007I: telemetry-cdi runs without websocket, tasks, jms, batch, tracing:"),
                message);
        for (String feature : List.of("websocket-2.1", "concurrent-3.0", "messagingClient-3.0", "batch-2.1",
                "mpTelemetry-2.1", "undertow", "messaging-activemq", "batch-jberet", "opentelemetry")) {
            assertTrue(message.contains(feature), feature + " in " + message);
        }
    }

    @Test
    void eachApiSwitchesOnlyItsOwnCapability() {
        Capabilities noBatch = Capabilities.detect(new HidingClassLoader("jakarta.batch"));

        assertEquals(List.of("batch"), noBatch.off());
        assertFalse(noBatch.has(Capability.BATCH));
        assertTrue(noBatch.has(Capability.JMS));
        assertTrue(noBatch.has(Capability.TASKS));
    }

    @Test
    void tasksNeedTheWholeConcurrencyApiIncludingAsynchronous() {
        ClassLoader concurrency2 = new ClassLoader(CapabilitiesTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals("jakarta.enterprise.concurrent.Asynchronous")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };

        assertEquals(List.of("tasks"), Capabilities.detect(concurrency2).off());
    }
}
