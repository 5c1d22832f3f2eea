package dev.dtx.sample.chat;

import dev.telemetrycdi.TelemetryEndpointConfigurator;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Set;

/** Deploys the programmatic chat endpoint next to the annotated ones the container found. */
public class SampleWebSockets implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        return Set.of(ServerEndpointConfig.Builder.create(ChatEndpoint.class, "/ws/leagues/{id}/chat")
                .configurator(new TelemetryEndpointConfigurator()).build());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned;
    }
}
