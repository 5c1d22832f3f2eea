package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.OptionalApiExtension;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
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
 * <p>Loaded only where Undertow runs the application ({@code META-INF/services/io.undertow.servlet.ServletExtension}).
 * Endpoints the application adds itself later ({@code ServerContainer.addEndpoint} in a listener) are not seen.
 *
 * <p>Internal API: may change without notice.
 */
public class UndertowEndpoints implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        try {
            Object attribute = deployment.getServletContextAttributes().get(WebSocketDeploymentInfo.ATTRIBUTE_NAME);
            if (!(attribute instanceof WebSocketDeploymentInfo)) {
                return;
            }
            BeanManager beans = CDI.current().getBeanManager();
            HookReport hooks = beans.getExtension(OptionalApiExtension.class).hooks();
            rewrite((WebSocketDeploymentInfo) attribute, beans, hooks);
        } catch (RuntimeException | LinkageError e) {
            // the endpoints deploy as they are, and are reported as such
        }
    }

    private static void rewrite(WebSocketDeploymentInfo webSockets, BeanManager beans, HookReport hooks) {
        List<Class<?>> annotated = webSockets.getAnnotatedEndpoints();
        for (Class<?> endpoint : new ArrayList<>(annotated)) {
            ServerEndpoint annotation = endpoint.getAnnotation(ServerEndpoint.class);
            if (annotation == null || isHooked(hooks, endpoint)) {
                continue;
            }
            ServerEndpointConfig config = ServerEndpointConfig.Builder.create(endpoint, annotation.value())
                    .subprotocols(List.of(annotation.subprotocols()))
                    .encoders(List.of(annotation.encoders()))
                    .decoders(List.of(annotation.decoders()))
                    .configurator(configurator(annotation.configurator(), beans))
                    .build();
            annotated.remove(endpoint);
            webSockets.addEndpoint(config);
            hooks.hooked(WebSocketBeans.CAPABILITY, endpoint.getName());
        }
        List<ServerEndpointConfig> programmatic = webSockets.getProgramaticEndpoints();
        for (int i = 0; i < programmatic.size(); i++) {
            ServerEndpointConfig config = programmatic.get(i);
            if (isHooked(hooks, config.getEndpointClass())) {
                continue;
            }
            ServerEndpointConfig.Configurator own = config.getConfigurator();
            ServerEndpointConfig wrapped = ServerEndpointConfig.Builder.create(config.getEndpointClass(),
                            config.getPath())
                    .subprotocols(config.getSubprotocols()).extensions(config.getExtensions())
                    .encoders(config.getEncoders()).decoders(config.getDecoders())
                    .configurator(new InterceptingConfigurator(own, own != null && makesInstances(own.getClass()),
                            beans))
                    .build();
            wrapped.getUserProperties().putAll(config.getUserProperties());
            programmatic.set(i, wrapped);
            hooks.hooked(WebSocketBeans.CAPABILITY, config.getEndpointClass().getName());
        }
    }

    private static boolean isHooked(HookReport hooks, Class<?> endpoint) {
        return endpoint.getName().startsWith("dev.telemetrycdi.")
                || hooks.hooked().contains(WebSocketBeans.CAPABILITY + " " + endpoint.getName());
    }

    private static ServerEndpointConfig.Configurator configurator(Class<? extends ServerEndpointConfig.Configurator> own,
                                                                  BeanManager beans) {
        if (own == null || own == ServerEndpointConfig.Configurator.class) {
            return new InterceptingConfigurator(null, false, beans);
        }
        try {
            return new InterceptingConfigurator(own.getDeclaredConstructor().newInstance(), makesInstances(own), beans);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + own.getName(), e);
        }
    }

    /** Whether a configurator class makes endpoint instances itself (declares getEndpointInstance). */
    static boolean makesInstances(Class<?> configurator) {
        for (Class<?> type = configurator; type != null && type != ServerEndpointConfig.Configurator.class
                && type != Object.class; type = type.getSuperclass()) {
            try {
                type.getDeclaredMethod("getEndpointInstance", Class.class);
                return true;
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return false;
    }
}
