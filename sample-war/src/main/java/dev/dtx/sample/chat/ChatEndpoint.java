package dev.dtx.sample.chat;

import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.TelemetryEndpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.io.IOException;

/**
 * A league's chat, as a programmatic endpoint: it extends {@link TelemetryEndpoint}, so its handler runs in the
 * connection's context ({@code ws.conn_id}, {@code request.id}, {@code league.id}). Echoes each message.
 */
public class ChatEndpoint extends TelemetryEndpoint {
    private static final EventLogger log = EventLogger.get(ChatEndpoint.class);

    @Override
    protected void opened(Session session, EndpointConfig config) {
        onMessages(session, String.class, text -> {
            log.info("chat_message", "length", text.length());
            try {
                session.getBasicRemote().sendText("echo:" + text);
            } catch (IOException e) {
                log.warning("chat_echo_failed", e);
            }
        });
    }
}
