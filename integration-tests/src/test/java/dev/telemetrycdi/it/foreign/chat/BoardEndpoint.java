package dev.telemetrycdi.it.foreign.chat;

import jakarta.enterprise.context.Dependent;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.logging.Logger;

/** An endpoint that is a CDI bean, with its own configurator, no @OnOpen and no @OnClose. */
@Dependent
@ServerEndpoint(value = "/boards/{boardId}", configurator = NicknameConfigurator.class)
public class BoardEndpoint {
    private static final Logger LOG = Logger.getLogger(BoardEndpoint.class.getName());

    @OnMessage
    public void post(String text, Session session) throws IOException {
        LOG.info("Posted to board by " + session.getUserProperties().get(NicknameConfigurator.NICKNAME));
        session.getBasicRemote().sendText("board:" + text);
    }
}
