package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.OptionalApiExtension;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.reflect.Modifier;
import java.util.Set;

/**
 * Says at deployment which of the application's WebSocket endpoints run without the module: the container hands
 * this initializer every endpoint class of the application ({@code @ServerEndpoint} and {@link Endpoint}
 * subclasses); an endpoint the CDI extension did not bind (not a CDI bean), or whose configurator makes its
 * instances itself, is recorded as missed in the hook report, with the fix.
 *
 * <p>Registered as a servlet container initializer; does nothing where the server has no WebSocket API.
 *
 * <p>Internal API: may change without notice.
 */
@HandlesTypes({ServerEndpoint.class, Endpoint.class})
public class EndpointScan implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (classes == null || classes.isEmpty()) {
            return;
        }
        HookReport hooks = hooks();
        if (hooks == null) {
            return;
        }
        boolean undertow = String.valueOf(context.getServerInfo()).toLowerCase(java.util.Locale.ROOT)
                .matches(".*(undertow|wildfly).*");
        for (Class<?> type : classes) {
            try {
                record(hooks, type, undertow);
            } catch (RuntimeException | LinkageError e) {
                // this class goes unreported
            }
        }
    }

    /** The application's hook report, from its CDI extension; null without CDI or without the extension. */
    private static HookReport hooks() {
        BeanManager beans;
        try {
            beans = CDI.current().getBeanManager();
        } catch (RuntimeException | LinkageError e) {
            try {
                beans = (BeanManager) new InitialContext().lookup("java:comp/BeanManager");
            } catch (NamingException | RuntimeException | LinkageError notBound) {
                return null;
            }
        }
        try {
            return beans.getExtension(OptionalApiExtension.class).hooks();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** @param undertow whether Undertow runs the application (its programmatic endpoints never come from CDI) */
    static void record(HookReport hooks, Class<?> type, boolean undertow) {
        if (type.isInterface()
                || Modifier.isAbstract(type.getModifiers()) || !WebSocketBeans.isEndpoint(type)) {
            return;
        }
        if (!hooks.hooked().contains(WebSocketBeans.CAPABILITY + " " + type.getName())) {
            if (undertow) { // annotated ones are all hooked there: a programmatic one the application adds itself
                hooks.missed(WebSocketBeans.CAPABILITY, type.getName(), "added with ServerContainer.addEndpoint,"
                        + " where the module cannot reach it", "return its ServerEndpointConfig from a"
                        + " ServerApplicationConfig instead");
            } else {
                hooks.missed(WebSocketBeans.CAPABILITY, type.getName(), "not a CDI bean, so its callbacks cannot be"
                        + " reached", "annotate the class @jakarta.enterprise.context.Dependent");
            }
            return;
        }
        ServerEndpoint annotation = type.getAnnotation(ServerEndpoint.class);
        Class<?> configurator = annotation == null ? null : annotation.configurator();
        if (configurator != null && EndpointConfigs.makesInstances(configurator)) {
            hooks.missed(WebSocketBeans.CAPABILITY, type.getName(), "its configurator " + configurator.getName()
                    + " creates the endpoint instances itself, outside CDI",
                    "remove getEndpointInstance from " + configurator.getName() + " (or return super's)");
        }
    }
}
