package dev.telemetrycdi.internal.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link TelemetryRequestListener} (every request, refused ones included) and
 * {@link TelemetryServletFilter} (every request that reaches the application, ahead of its own filters, and the
 * container's error pages), without
 * anything in the application's {@code web.xml}.
 *
 * <p>Internal API: may change without notice.
 */
public class TelemetryServletInitializer implements ServletContainerInitializer {
    static final String FILTER_NAME = "telemetry-cdi";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, TelemetryServletFilter.class);
        if (filter == null) {
            return; // already registered by the application itself
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
        context.addListener(TelemetryRequestListener.class);
    }
}
