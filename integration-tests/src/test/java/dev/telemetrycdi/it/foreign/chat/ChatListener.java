package dev.telemetrycdi.it.foreign.chat;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/** Registers the echo endpoint at {@code /echo} when the application starts. */
@WebListener
public class ChatListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container = (ServerContainer) event.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        try {
            container.addEndpoint(ServerEndpointConfig.Builder.create(EchoEndpoint.class, "/echo").build());
        } catch (DeploymentException e) {
            throw new IllegalStateException(e);
        }
    }
}
