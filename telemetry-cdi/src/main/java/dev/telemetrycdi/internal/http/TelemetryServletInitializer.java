package dev.telemetrycdi.internal.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link TelemetryServletFilter} for every request of the application, ahead of the application's own
 * filters, without anything in its {@code web.xml}.
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
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
