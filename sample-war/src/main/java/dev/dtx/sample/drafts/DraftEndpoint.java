package dev.dtx.sample.drafts;

import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.TelemetryEndpointConfigurator;
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

/**
 * A live draft: clients pick heroes, and each pick is broadcast to every client of the same draft. Every callback
 * runs in its connection's context ({@code ws.conn_id}, {@code request.id}, {@code tournament.id}, {@code draft.id})
 * through {@link TelemetryEndpointConfigurator}. The message {@code boom} makes the endpoint throw, to show error
 * handling.
 */
@Dependent
@ServerEndpoint(value = "/ws/tournaments/{id}/draft/{draftId}", configurator = TelemetryEndpointConfigurator.class)
public class DraftEndpoint {
    private static final EventLogger log = EventLogger.get(DraftEndpoint.class);
    private static final String DRAFT = "dtx.draft";

    @OnOpen
    public void open(Session session, @PathParam("draftId") String draftId) {
        session.getUserProperties().put(DRAFT, draftId);
        log.info("draft_joined");
    }

    @OnMessage
    public String pick(String hero, Session session) {
        if ("boom".equals(hero)) {
            throw new IllegalStateException("draft board out of sync");
        }
        log.info("hero_picked", "hero", hero);
        String draft = (String) session.getUserProperties().get(DRAFT);
        for (Session other : session.getOpenSessions()) {
            if (other != session && other.isOpen() && draft.equals(other.getUserProperties().get(DRAFT))) {
                try {
                    other.getBasicRemote().sendText("picked:" + hero);
                } catch (IOException e) {
                    log.warning("broadcast_failed", e);
                }
            }
        }
        return "ok:" + hero;
    }

    @OnError
    public void error(Session session, Throwable error) {
        // the module writes ws_error with the exception; the connection stays open for the next pick
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        log.debug("draft_left");
    }
}
