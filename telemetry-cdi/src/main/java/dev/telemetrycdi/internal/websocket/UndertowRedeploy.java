package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.cdi.HookReport;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.websockets.jsr.ConfiguredServerEndpoint;
import io.undertow.websockets.jsr.ServerWebSocketContainer;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * WildFly's hook for WebSocket endpoints that are not CDI beans: Undertow hands a servlet extension the endpoints
 * it is about to deploy ({@link WebSocketDeploymentInfo}, annotated classes and the configurations of the
 * application's {@code ServerApplicationConfig}) before it deploys them; each endpoint the CDI extension did not bind
 * is deployed instead with the same path, subprotocols, encoders, decoders and user properties, and the
 * {@link InterceptingConfigurator} around its own configurator. WildFly creates such endpoints without CDI's
 * {@code ProcessInjectionTarget}, so this is the only place to reach them.
 *
 * <p>Programmatic endpoints are always wrapped: Undertow never creates them through CDI, so not even a bean's
 * interceptors would run. Endpoints the application adds itself ({@code ServerContainer.addEndpoint} in a listener)
 * are wrapped once every listener has run: Undertow calls its deployment-complete listeners at the end of
 * {@code DeploymentManagerImpl.deploy()}, and reads the endpoints for its handshake filter only when the filter
 * starts, in {@code start()}. They are hooked after {@code telemetry_initialized} was written, and said in one
 * {@code telemetry_hooked} line.
 *
 * <p>Loaded only where Undertow runs the application and offers the WebSocket API, by {@link UndertowEndpoints}.
 *
 * <p>Internal API: may change without notice.
 */
final class UndertowRedeploy {
    private UndertowRedeploy() {
    }


    /** Called by {@link UndertowEndpoints} for each deployment. */
    static void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        try {
            Object attribute = deployment.getServletContextAttributes().get(WebSocketDeploymentInfo.ATTRIBUTE_NAME);
            if (!(attribute instanceof WebSocketDeploymentInfo)) {
                return;
            }
            // CDI.current() finds the application by the thread's class loader, Undertow's own while it deploys
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(deployment.getClassLoader());
            try {
                BeanManager beans = CDI.current().getBeanManager();
                HookReport hooks = beans.createInstance().select(HookReport.class).get();
                Object container = context.getAttribute(ServerContainer.class.getName());
                if (container instanceof ServerWebSocketContainer) {
                    redeploy((ServerWebSocketContainer) container, beans, hooks); // Undertow's Bootstrap ran first
                } else {
                    rewrite((WebSocketDeploymentInfo) attribute, beans, hooks);
                }
                deployment.addDeploymentCompleteListener(new AddedInListeners(deployment.getClassLoader(), beans,
                        hooks));
            } finally {
                thread.setContextClassLoader(previous);
            }
        } catch (RuntimeException | LinkageError e) {
            // the endpoints deploy as they are, and are reported as such
        }
    }

    /**
     * Undertow's own extension deploys the endpoints when it handles the deployment, before the application's
     * extensions: the endpoints it configured are replaced, before its handshake filter is made from them (when the
     * servlet context starts).
     */
    private static void redeploy(ServerWebSocketContainer container, BeanManager beans, HookReport hooks) {
        List<ConfiguredServerEndpoint> endpoints = container.getConfiguredServerEndpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            ConfiguredServerEndpoint endpoint = endpoints.get(i);
            ServerEndpointConfig config = endpoint.getEndpointConfiguration();
            boolean annotated = endpoint.getAnnotatedEndpointFactory() != null;
            String name = config.getEndpointClass().getName();
            if (annotated && hooks.hooked().contains(WebSocketBeans.CAPABILITY + " " + name)
                    || !EndpointConfigs.wraps(config)) {
                continue; // a bean: Undertow creates annotated ones through CDI
            }
            endpoints.set(i, new ConfiguredServerEndpoint(EndpointConfigs.programmatic(config, beans),
                    endpoint.getEndpointFactory(), endpoint.getPathTemplate(), endpoint.getEncodingFactory(),
                    endpoint.getAnnotatedEndpointFactory(), endpoint.getExtensions()));
            hooks.hooked(WebSocketBeans.CAPABILITY, name);
        }
    }

    /** The endpoints the application's listeners added, wrapped when the deployment is complete. */
    private static final class AddedInListeners implements ServletContextListener {
        private final ClassLoader application;
        private final BeanManager beans;
        private final HookReport hooks;

        AddedInListeners(ClassLoader application, BeanManager beans, HookReport hooks) {
            this.application = application;
            this.beans = beans;
            this.hooks = hooks;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(application);
            try {
                Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
                if (!(container instanceof ServerWebSocketContainer)) {
                    return;
                }
                List<String> before = hooks.hooked();
                redeploy((ServerWebSocketContainer) container, beans, hooks);
                List<String> added = new ArrayList<>(hooks.hooked());
                added.removeAll(before);
                hooks.announceLate(added);
            } catch (RuntimeException | LinkageError e) {
                // the endpoints run as the application added them
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            // nothing to undo: the container goes with the deployment
        }
    }

    private static void rewrite(WebSocketDeploymentInfo webSockets, BeanManager beans, HookReport hooks) {
        List<Class<?>> annotated = webSockets.getAnnotatedEndpoints();
        for (Class<?> endpoint : new ArrayList<>(annotated)) {
            ServerEndpoint annotation = endpoint.getAnnotation(ServerEndpoint.class);
            if (annotation == null || hooks.hooked().contains(WebSocketBeans.CAPABILITY + " " + endpoint.getName())) {
                continue; // a bean: Undertow creates it through CDI
            }
            try {
                ServerEndpointConfig config = EndpointConfigs.annotated(endpoint, annotation, beans);
                annotated.remove(endpoint);
                webSockets.addEndpoint(config);
                hooks.hooked(WebSocketBeans.CAPABILITY, endpoint.getName());
            } catch (ReflectiveOperationException | RuntimeException e) {
                // deployed as it is, and reported as such
            }
        }
        // Undertow creates programmatic endpoints without CDI, beans or not
        List<ServerEndpointConfig> programmatic = webSockets.getProgramaticEndpoints();
        for (int i = 0; i < programmatic.size(); i++) {
            ServerEndpointConfig config = programmatic.get(i);
            if (EndpointConfigs.wraps(config)) {
                programmatic.set(i, EndpointConfigs.programmatic(config, beans));
                hooks.hooked(WebSocketBeans.CAPABILITY, config.getEndpointClass().getName());
            }
        }
    }
}
