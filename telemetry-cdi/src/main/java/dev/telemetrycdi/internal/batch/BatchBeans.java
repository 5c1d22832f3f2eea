package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.cdi.OptionalBeans;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;

/**
 * The Jakarta Batch part of the module, switched on by {@code OptionalApiExtension} only when the server offers the
 * Batch API: adds the listeners {@code telemetryJobListener} and {@code telemetryStepListener}.
 *
 * <p>Internal API: may change without notice.
 */
public final class BatchBeans {
    private BatchBeans() {
    }

    public static void register(BeforeBeanDiscovery discovery) {
        OptionalBeans.add(discovery, TelemetryJobListener.class, Dependent.Literal.INSTANCE);
        OptionalBeans.add(discovery, TelemetryStepListener.class, Dependent.Literal.INSTANCE);
    }
}
