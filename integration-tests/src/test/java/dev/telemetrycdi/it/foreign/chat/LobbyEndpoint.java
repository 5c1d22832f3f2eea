package dev.telemetrycdi.it.foreign.chat;

import jakarta.enterprise.context.Dependent;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** An endpoint that is a CDI bean with @OnOpen and @OnClose, answering through both remotes of its session. */
@Dependent
@ServerEndpoint("/lobbies/{lobbyId}")
public class LobbyEndpoint {
    private static final Logger LOG = Logger.getLogger(LobbyEndpoint.class.getName());

    @OnOpen
    public void open(Session session, @PathParam("lobbyId") String lobby) {
        LOG.info("Entered lobby " + lobby);
    }

    @OnMessage
    public void message(String text, Session session) throws IOException, InterruptedException {
        LOG.info("Lobby message " + text);
        session.getBasicRemote().sendText("ack:" + text);
        try {
            session.getAsyncRemote().sendText("also:" + text).get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        LOG.info("Left lobby");
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "Lobby connection failed", error);
    }
}
