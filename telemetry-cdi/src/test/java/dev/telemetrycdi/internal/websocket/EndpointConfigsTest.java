package dev.telemetrycdi.internal.websocket;

import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointConfigsTest {

    public static class Maker extends ServerEndpointConfig.Configurator {
        @Override
        public <T> T getEndpointInstance(Class<T> type) throws InstantiationException {
            return super.getEndpointInstance(type);
        }
    }

    @Test
    void configuratorsThatMakeInstances() {
        assertTrue(EndpointConfigs.makesInstances(Maker.class));
        assertFalse(EndpointConfigs.makesInstances(ServerEndpointConfig.Configurator.class));
        assertFalse(EndpointConfigs.makesInstances(dev.telemetrycdi.TelemetryEndpointConfigurator.class));
    }
}
