package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.cdi.HookReport;
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
    /** Set on the servlet context once the module's filter and listener are there. */
    static final String HOOKED = TelemetryServletInitializer.class.getName() + ".hooked";
    /** How the hook is named in {@code hooks}. */
    static final String CAPABILITY = "http";
    static final String HOOK = "every request (servlet filter and request listener)";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, TelemetryServletFilter.class);
        if (filter != null) { // else already registered by the application itself
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
            context.addListener(TelemetryRequestListener.class);
        }
        context.setAttribute(HOOKED, Boolean.TRUE);
    }

    /**
     * Records in {@code hooks} whether this initializer ran for the application whose start event carried
     * {@code started} (CDI's {@code @Initialized(ApplicationScoped)} payload: the servlet context of a web
     * application, which the container initializes after every initializer has run). Anything else records nothing.
     */
    public static void report(Object started, HookReport hooks) {
        if (!(started instanceof ServletContext)) {
            return;
        }
        if (((ServletContext) started).getAttribute(HOOKED) != null) {
            hooks.hooked(CAPABILITY, HOOK);
        } else {
            hooks.missed(CAPABILITY, "every request", "the servlet container did not run the module's"
                    + " ServletContainerInitializer (web.xml's <absolute-ordering> leaves out the module's jar)",
                    "add <others/> to <absolute-ordering> in web.xml");
        }
    }
}
