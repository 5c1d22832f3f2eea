package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.OptionalApiExtension;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.server.ServerContainer;

/**
 * Puts the {@link InterceptingServerContainer} in the servlet context before the application's own listeners run
 * (the first listener of the deployment, where {@code UndertowEndpoints} registers it), so that endpoints the
 * application adds itself are reached too.
 *
 * <p>Internal API: may change without notice.
 */
public class ServerContainers implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            ServletContext context = event.getServletContext();
            Object container = context.getAttribute(ServerContainer.class.getName());
            if (container instanceof ServerContainer && !(container instanceof InterceptingServerContainer)) {
                BeanManager beans = CDI.current().getBeanManager();
                HookReport hooks = beans.getExtension(OptionalApiExtension.class).hooks();
                context.setAttribute(ServerContainer.class.getName(),
                        new InterceptingServerContainer((ServerContainer) container, beans, hooks));
            }
        } catch (RuntimeException | LinkageError e) {
            // the application adds its endpoints to the container's own
        }
    }
}
