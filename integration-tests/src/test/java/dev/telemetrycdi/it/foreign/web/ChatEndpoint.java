package dev.telemetrycdi.it.foreign.web;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.util.logging.Logger;

/** A plain WebSocket endpoint, as in the servers' WebSocket guides: not a CDI bean, no configurator. */
@ServerEndpoint("/chat")
public class ChatEndpoint {
    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());

    @OnMessage
    public String echo(String message) {
        LOG.info("Echoing a chat message");
        return message;
    }
}
