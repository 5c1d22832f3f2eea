package dev.telemetrycdi.it.foreign.chat;

import jakarta.enterprise.context.Dependent;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/** A programmatic endpoint that is a CDI bean, registered by {@link ChatApplicationConfig}. */
@Dependent
public class NoticeEndpoint extends Endpoint {
    private static final Logger LOG = Logger.getLogger(NoticeEndpoint.class.getName());

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        LOG.info("Notice board opened");
        session.addMessageHandler(new MessageHandler.Whole<String>() {
            @Override
            public void onMessage(String text) {
                LOG.info("Notice received");
                try {
                    session.getBasicRemote().sendText("notice:" + text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
