package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.cdi.HookReport;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * The server container as the application finds it in its servlet context, where the module put it there
 * ({@code UndertowEndpoints}): endpoints the application adds itself ({@code addEndpoint} in a
 * {@code ServletContextListener}) are deployed with the {@link InterceptingConfigurator}; everything else goes to the
 * container's own.
 *
 * <p>Internal API: may change without notice. Thread-safe as the container is.
 */
final class InterceptingServerContainer implements ServerContainer {
    private final ServerContainer container;
    private final BeanManager beans;
    private final HookReport hooks;

    InterceptingServerContainer(ServerContainer container, BeanManager beans, HookReport hooks) {
        this.container = container;
        this.beans = beans;
        this.hooks = hooks;
    }

    @Override
    public void addEndpoint(Class<?> endpoint) throws DeploymentException {
        ServerEndpoint annotation = endpoint.getAnnotation(ServerEndpoint.class);
        if (annotation == null || hooks.hooked().contains(WebSocketBeans.CAPABILITY + " " + endpoint.getName())) {
            container.addEndpoint(endpoint);
            return;
        }
        ServerEndpointConfig config;
        try {
            config = EndpointConfigs.annotated(endpoint, annotation, beans);
        } catch (ReflectiveOperationException | RuntimeException e) {
            container.addEndpoint(endpoint);
            return;
        }
        container.addEndpoint(config);
    }

    @Override
    public void addEndpoint(ServerEndpointConfig config) throws DeploymentException {
        ServerEndpointConfig wrapped;
        try {
            wrapped = EndpointConfigs.wraps(config) ? EndpointConfigs.programmatic(config, beans) : config;
        } catch (RuntimeException e) {
            wrapped = config;
        }
        container.addEndpoint(wrapped);
    }

    @Override
    public void upgradeHttpToWebSocket(Object request, Object response, ServerEndpointConfig config,
                                       Map<String, String> pathParameters) throws IOException, DeploymentException {
        container.upgradeHttpToWebSocket(request, response, config, pathParameters);
    }

    @Override
    public long getDefaultAsyncSendTimeout() {
        return container.getDefaultAsyncSendTimeout();
    }

    @Override
    public void setAsyncSendTimeout(long timeout) {
        container.setAsyncSendTimeout(timeout);
    }

    @Override
    public Session connectToServer(Object endpoint, URI path) throws DeploymentException, IOException {
        return container.connectToServer(endpoint, path);
    }

    @Override
    public Session connectToServer(Class<?> endpoint, URI path) throws DeploymentException, IOException {
        return container.connectToServer(endpoint, path);
    }

    @Override
    public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path)
            throws DeploymentException, IOException {
        return container.connectToServer(endpoint, config, path);
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpoint, ClientEndpointConfig config, URI path)
            throws DeploymentException, IOException {
        return container.connectToServer(endpoint, config, path);
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        return container.getDefaultMaxSessionIdleTimeout();
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
        container.setDefaultMaxSessionIdleTimeout(timeout);
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        return container.getDefaultMaxBinaryMessageBufferSize();
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
        container.setDefaultMaxBinaryMessageBufferSize(max);
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        return container.getDefaultMaxTextMessageBufferSize();
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
        container.setDefaultMaxTextMessageBufferSize(max);
    }

    @Override
    public Set<Extension> getInstalledExtensions() {
        return container.getInstalledExtensions();
    }
}
