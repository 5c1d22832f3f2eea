package dev.telemetrycdi.it.foreign.chat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.logging.Logger;

/** A plain endpoint as in the guides: not a CDI bean, its own configurator, no @OnClose. */
@ServerEndpoint(value = "/rooms/{roomId}", configurator = NicknameConfigurator.class)
public class RoomEndpoint {
    private static final Logger LOG = Logger.getLogger(RoomEndpoint.class.getName());

    @OnOpen
    public void open(Session session, @PathParam("roomId") String room) {
        LOG.info("Joined room " + room + " as " + session.getUserProperties().get(NicknameConfigurator.NICKNAME));
    }

    @OnMessage
    public void message(String text, Session session) throws IOException {
        LOG.info("Message in room");
        session.getBasicRemote().sendText("room:" + text);
    }
}
