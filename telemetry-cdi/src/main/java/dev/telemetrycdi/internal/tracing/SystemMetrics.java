package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.metrics.ObservableLongGauge;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.util.ArrayList;
import java.util.List;

/**
 * The module's system metrics, observed through the runtime's meter while tracing is on:
 * {@code system.cpu.utilization}, {@code system.memory.utilization}, {@code process.cpu.utilization} and
 * {@code process.memory.usage} (current OpenTelemetry semantic-convention names; the runtime's own {@code jvm.*}
 * metrics are not repeated). Closing unregisters them.
 *
 * <p>Internal API: may change without notice. Open and close on one thread; the callbacks never throw.
 */
public final class SystemMetrics implements AutoCloseable {
    static final String SCOPE = "telemetry-cdi";

    private final List<AutoCloseable> gauges;

    private SystemMetrics(List<AutoCloseable> gauges) {
        this.gauges = gauges;
    }

    /** Registers the gauges on {@code openTelemetry}'s meter provider. */
    static SystemMetrics open(OpenTelemetry openTelemetry) {
        Meter meter = openTelemetry.getMeter(SCOPE);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<AutoCloseable> gauges = new ArrayList<>();
        // The JDK's extended operating-system attributes, read through the platform MBean server rather than the
        // com.sun.management interface: WildFly does not give deployments that JDK module.
        OsAttributes os = new OsAttributes(ManagementFactory.getPlatformMBeanServer());
        gauges.add(ratio(meter, "system.cpu.utilization", "CPU utilization of the whole system",
                () -> os.number("CpuLoad")));
        gauges.add(ratio(meter, "process.cpu.utilization", "CPU utilization of this server process",
                () -> os.number("ProcessCpuLoad")));
        gauges.add(ratio(meter, "system.memory.utilization", "Share of the physical memory in use", () -> {
            double total = os.number("TotalMemorySize");
            return total <= 0 ? -1 : 1.0 - os.number("FreeMemorySize") / total;
        }));
        ObservableLongGauge used = meter.gaugeBuilder("process.memory.usage")
                .setDescription("Memory the JVM has committed (heap and non-heap)").setUnit("By").ofLongs()
                .buildWithCallback(measurement -> {
                    try {
                        measurement.record(memory.getHeapMemoryUsage().getCommitted()
                                + memory.getNonHeapMemoryUsage().getCommitted());
                    } catch (RuntimeException e) {
                        // no reading this time
                    }
                });
        gauges.add(used);
        return new SystemMetrics(gauges);
    }

    private static ObservableDoubleGauge ratio(Meter meter, String name, String description, Reading reading) {
        return meter.gaugeBuilder(name).setDescription(description).setUnit("1").buildWithCallback(measurement -> {
            try {
                double value = reading.read();
                if (value >= 0 && value <= 1) {
                    measurement.record(value);
                }
            } catch (RuntimeException e) {
                // no reading this time
            }
        });
    }

    @Override
    public void close() {
        for (AutoCloseable gauge : gauges) {
            try {
                gauge.close();
            } catch (Exception e) {
                // the meter provider is going away with the application anyway
            }
        }
        gauges.clear();
    }

    private interface Reading {
        double read();
    }

    /** Numeric attributes of {@code java.lang:type=OperatingSystem}; -1 when one cannot be read. */
    private static final class OsAttributes {
        private final MBeanServer server;
        private final ObjectName name;

        OsAttributes(MBeanServer server) {
            this.server = server;
            this.name = objectName();
        }

        double number(String attribute) {
            try {
                Object value = name == null ? null : server.getAttribute(name, attribute);
                return value instanceof Number ? ((Number) value).doubleValue() : -1;
            } catch (JMException | RuntimeException e) {
                return -1;
            }
        }

        private static ObjectName objectName() {
            try {
                return new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
            } catch (JMException e) {
                return null;
            }
        }
    }
}
