package dev.telemetrycdi.internal.websocket;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * The configurator the module gives an endpoint that is not a CDI bean, where a server lets it replace the
 * endpoint's configuration before deployment (WildFly: {@code UndertowEndpoints}): the handshake is the application's
 * configurator's (or the container's), and each endpoint instance, made by the application's configurator if it
 * makes its own or else through CDI as the container would, is intercepted ({@link Instances}).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class InterceptingConfigurator extends ServerEndpointConfig.Configurator {
    private final ServerEndpointConfig.Configurator application;
    private final boolean applicationMakesInstances;
    private final BeanManager beans;

    /** @param application the endpoint's own configurator, null for none */
    InterceptingConfigurator(ServerEndpointConfig.Configurator application, boolean applicationMakesInstances,
                             BeanManager beans) {
        this.application = application;
        this.applicationMakesInstances = applicationMakesInstances;
        this.beans = beans;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> type) throws InstantiationException {
        if (applicationMakesInstances) {
            T instance = application.getEndpointInstance(type);
            return Instances.intercepted(beans, beans.createCreationalContext(null), type, instance);
        }
        try {
            return Instances.create(beans, type);
        } catch (RuntimeException e) {
            return application != null ? application.getEndpointInstance(type) : super.getEndpointInstance(type);
        }
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        if (application != null) {
            application.modifyHandshake(config, request, response);
        } else {
            super.modifyHandshake(config, request, response);
        }
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return application != null ? application.checkOrigin(originHeaderValue) : super.checkOrigin(originHeaderValue);
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return application != null ? application.getNegotiatedSubprotocol(supported, requested)
                : super.getNegotiatedSubprotocol(supported, requested);
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return application != null ? application.getNegotiatedExtensions(installed, requested)
                : super.getNegotiatedExtensions(installed, requested);
    }
}
