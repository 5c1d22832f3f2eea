package dev.telemetrycdi.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The readings the harness takes from a server's JVM over JMX: CPU time, JIT compilation time, heap after a full GC
 * and the module's log queue. Each reading opens its own connection (a paused server keeps none open).
 */
final class ServerJvm {
    /** Where the server's JVM is reachable; read again for every reading (the server may have been restarted). */
    @FunctionalInterface
    interface Address {
        JMXServiceURL get() throws IOException;
    }

    private final Address address;

    ServerJvm(Address address) {
        this.address = address;
    }

    /** The CPU time the JVM has used so far, all threads together (its OperatingSystem MXBean). */
    long cpuNanos() throws IOException {
        return longAttribute(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, "ProcessCpuTime");
    }

    /** The time the JVM's JIT compiler has worked so far, in milliseconds (its Compilation MXBean). */
    long compilationMillis() throws IOException {
        return longAttribute(ManagementFactory.COMPILATION_MXBEAN_NAME, "TotalCompilationTime");
    }

    private long longAttribute(String mbean, String attribute) throws IOException {
        try (JMXConnector connector = JMXConnectorFactory.connect(address.get())) {
            return (Long) connector.getMBeanServerConnection().getAttribute(new ObjectName(mbean), attribute);
        } catch (JMException e) {
            throw new IOException(e);
        }
    }

    /** Heap in use after a full GC, and the module's log hand-off queue depth (-1 without the module). */
    LoadServer.Memory memory() throws IOException {
        try (JMXConnector connector = JMXConnectorFactory.connect(address.get())) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server,
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            memory.gc();
            long heap = memory.getHeapMemoryUsage().getUsed();
            Set<ObjectName> sinks = server.queryNames(new ObjectName("dev.telemetrycdi:type=LogSink,*"), null);
            int queued = -1;
            for (ObjectName sink : sinks) {
                queued = Math.max(queued, (Integer) server.getAttribute(sink, "Queued"));
            }
            return new LoadServer.Memory(heap, queued);
        } catch (JMException e) {
            throw new IOException(e);
        }
    }
}
