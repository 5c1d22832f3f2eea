package dev.telemetrycdi.it.foreign.chat;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.util.logging.Logger;

/** A programmatic endpoint that is not a CDI bean, registered by {@link ChatListener}. */
public class EchoEndpoint extends Endpoint {
    private static final Logger LOG = Logger.getLogger(EchoEndpoint.class.getName());

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, text -> {
            LOG.info("Echo");
            session.getAsyncRemote().sendText("echo:" + text);
        });
    }
}
