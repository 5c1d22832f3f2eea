package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.TelemetryEndpoint;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * Endpoint configurations as the container would deploy them, but with the {@link InterceptingConfigurator} around
 * the endpoint's own configurator: for an annotated class, what its {@code @ServerEndpoint} says; for a programmatic
 * configuration, a copy (path, subprotocols, extensions, encoders, decoders, user properties).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class EndpointConfigs {
    private EndpointConfigs() {
    }

    static ServerEndpointConfig annotated(Class<?> endpoint, ServerEndpoint annotation, BeanManager beans)
            throws ReflectiveOperationException {
        Class<? extends ServerEndpointConfig.Configurator> own = annotation.configurator();
        ServerEndpointConfig.Configurator configurator = own == null || own == ServerEndpointConfig.Configurator.class
                ? new InterceptingConfigurator(null, false, beans)
                : new InterceptingConfigurator(own.getDeclaredConstructor().newInstance(), makesInstances(own), beans);
        return ServerEndpointConfig.Builder.create(endpoint, annotation.value())
                .subprotocols(List.of(annotation.subprotocols()))
                .encoders(List.of(annotation.encoders()))
                .decoders(List.of(annotation.decoders()))
                .configurator(configurator)
                .build();
    }

    static ServerEndpointConfig programmatic(ServerEndpointConfig config, BeanManager beans) {
        ServerEndpointConfig.Configurator own = config.getConfigurator();
        ServerEndpointConfig wrapped = ServerEndpointConfig.Builder.create(config.getEndpointClass(), config.getPath())
                .subprotocols(config.getSubprotocols()).extensions(config.getExtensions())
                .encoders(config.getEncoders()).decoders(config.getDecoders())
                .configurator(new InterceptingConfigurator(own, own != null && makesInstances(own.getClass()), beans))
                .build();
        wrapped.getUserProperties().putAll(config.getUserProperties());
        return wrapped;
    }

    /** Whether the module should wrap a programmatic configuration (not its own, not a {@link TelemetryEndpoint}). */
    static boolean wraps(ServerEndpointConfig config) {
        return !(config.getConfigurator() instanceof InterceptingConfigurator)
                && !TelemetryEndpoint.class.isAssignableFrom(config.getEndpointClass());
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
