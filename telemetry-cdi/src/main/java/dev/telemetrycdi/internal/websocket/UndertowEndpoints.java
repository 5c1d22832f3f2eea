package dev.telemetrycdi.internal.websocket;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * WildFly's hook for the WebSocket endpoints CDI does not create ({@link UndertowRedeploy}), registered in
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}. It names no WebSocket type itself, so it loads
 * where the server offers no WebSocket API; there it does nothing.
 *
 * <p>Internal API: may change without notice.
 */
public class UndertowEndpoints implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        try {
            UndertowRedeploy.handleDeployment(deployment, context);
        } catch (RuntimeException | LinkageError e) {
            // no WebSocket API, or the endpoints deploy as they are
        }
    }
}
