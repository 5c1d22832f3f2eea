package dev.telemetrycdi.internal.http;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers the module's JAX-RS filters in every JAX-RS application of the deployment, also in one whose
 * {@code Application} lists its classes: the server then ignores the {@code @Provider} classes it scanned, but still
 * loads the {@code Feature}s named in {@code META-INF/services/jakarta.ws.rs.core.Feature} (Jakarta REST 3.1,
 * section 4.1.2), where this class is named. A filter the server registered already from its scan is left as it is.
 * Client runtimes are left alone.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public class TelemetryRestFeature implements Feature {
    @Override
    public boolean configure(FeatureContext context) {
        try {
            Configuration configuration = context.getConfiguration();
            if (configuration.getRuntimeType() != RuntimeType.SERVER) {
                return false;
            }
            registerOnce(context, configuration, TelemetryRestFilter.class);
            registerOnce(context, configuration, TelemetrySpanFilter.class);
            return true;
        } catch (RuntimeException e) {
            return false; // telemetry never breaks an application's start
        }
    }

    private static void registerOnce(FeatureContext context, Configuration configuration, Class<?> filter) {
        if (!configuration.isRegistered(filter)) {
            context.register(filter);
        }
    }
}
