package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebSocket connections of the sample's draft endpoint, with a real client: every line of a connection carries its
 * context, interleaved connections never mix it, an abrupt disconnect still ends with ws_disconnected, and an
 * endpoint that throws is logged once while the server keeps serving.
 */
@ExtendWith(ArquillianExtension.class)
class WebSocketIT {
    private static final SampleApp APP = SampleApp.named("websocket").with("log.level", "debug");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void everyLineOfAConnectionCarriesItsContext() throws Exception {
        Client client = connect("/ws/tournaments/5/draft/12", "ws-1");
        assertEquals("ok:axe", client.send("axe"));
        client.close();
        JsonObject connected = APP.log().await(line -> event(line, "ws_connected")
                && "ws-1".equals(text(line, "request.id")));
        String connId = text(connected, "ws.conn_id");
        assertNotNull(connId);
        assertEquals(5, number(connected, "tournament.id"));
        assertEquals(12, number(connected, "draft.id"));
        JsonObject picked = APP.log().await(line -> event(line, "hero_picked") && "ws-1".equals(text(line, "request.id")));
        assertEquals(connId, text(picked, "ws.conn_id"));
        assertEquals("axe", text(picked, "hero"));
        JsonObject disconnected = APP.log().await(line -> event(line, "ws_disconnected")
                && connId.equals(text(line, "ws.conn_id")));
        assertEquals(1000, number(disconnected, "websocket.close.code"));
        assertEquals(1, number(disconnected, "messages.received"));
        assertEquals(1, number(disconnected, "messages.sent"));
        assertEquals(101, number(APP.log().completed("ws-1"), "http.response.status_code"), "the handshake's line");
    }

    @Test
    void interleavedConnectionsNeverMixTheirContext() throws Exception {
        Client a = connect("/ws/tournaments/5/draft/12", "ws-a");
        Client b = connect("/ws/tournaments/6/draft/14", "ws-b");
        for (int i = 0; i < 10; i++) {
            a.send("a" + i);
            b.send("b" + i);
        }
        a.close();
        b.close();
        APP.log().await(line -> event(line, "ws_disconnected") && "ws-b".equals(text(line, "request.id")));
        APP.log().await(line -> event(line, "ws_disconnected") && "ws-a".equals(text(line, "request.id")));
        for (JsonObject line : APP.log().lines()) {
            if (!event(line, "hero_picked")) {
                continue;
            }
            String hero = text(line, "hero");
            String request = text(line, "request.id");
            if (hero.startsWith("a")) {
                assertEquals("ws-a", request, line.toString());
                assertEquals(12, number(line, "draft.id"));
            } else if (hero.startsWith("b")) {
                assertEquals("ws-b", request, line.toString());
                assertEquals(14, number(line, "draft.id"));
            }
        }
    }

    @Test
    void anAbruptDisconnectStillEndsTheConnectionsLog() throws Exception {
        Client client = connect("/ws/tournaments/5/draft/13", "ws-abrupt");
        client.send("lina");
        client.socket.abort();
        JsonObject disconnected = APP.log().await(line -> event(line, "ws_disconnected")
                && "ws-abrupt".equals(text(line, "request.id")));
        assertNotEquals(1000, disconnected.containsKey("websocket.close.code")
                ? number(disconnected, "websocket.close.code") : 0);
    }

    @Test
    void anEndpointThatThrowsIsLoggedOnceAndTheServerKeepsServing() throws Exception {
        Client client = connect("/ws/tournaments/5/draft/12", "ws-boom");
        client.socket.sendText("boom", true).get(10, TimeUnit.SECONDS);
        JsonObject error = APP.log().await(line -> event(line, "ws_error") && "ws-boom".equals(text(line, "request.id")));
        assertEquals("java.lang.IllegalStateException", text(error, "exception.type"));
        Client next = connect("/ws/tournaments/5/draft/12", "ws-after-boom");
        assertEquals("ok:pudge", next.send("pudge"));
        next.close();
        long errors = APP.log().lines().stream()
                .filter(line -> event(line, "ws_error") && "ws-boom".equals(text(line, "request.id"))).count();
        assertEquals(1, errors);
    }

    @Test
    void hostileRequestIdsAreReplaced() throws Exception {
        Client client = connect("/ws/tournaments/5/draft/12", "${jndi:ldap://x}");
        client.send("io");
        client.close();
        JsonObject picked = APP.log().await(line -> event(line, "hero_picked") && "io".equals(text(line, "hero")));
        java.util.UUID.fromString(text(picked, "request.id"));
        assertTrue(APP.log().rawLines().stream().noneMatch(line -> line.contains("jndi")));
    }

    @Test
    void programmaticEndpointsRunInTheirConnectionsContextToo() throws Exception {
        Client client = connect("/ws/leagues/3/chat", "ws-chat");
        client.socket.sendText("gg", true).get(10, TimeUnit.SECONDS);
        JsonObject message = APP.log().await(line -> event(line, "chat_message")
                && "ws-chat".equals(text(line, "request.id")));
        assertEquals(3, number(message, "league.id"));
        String connId = text(message, "ws.conn_id");
        assertNotNull(connId);
        client.close();
        JsonObject disconnected = APP.log().await(line -> event(line, "ws_disconnected")
                && connId.equals(text(line, "ws.conn_id")));
        assertEquals(1000, number(disconnected, "websocket.close.code"));
        assertEquals(1, number(disconnected, "messages.received"));
        APP.log().await(line -> event(line, "ws_connected") && connId.equals(text(line, "ws.conn_id")));
    }

    @Test
    void hostilePathsGiveNoIdAndStayValidLines() throws Exception {
        Client client = connect("/ws/tournaments/%24%7Bjndi:ldap:x%7D/draft/12", "ws-hostile-path");
        client.send("tiny");
        client.close();
        JsonObject connected = APP.log().await(line -> event(line, "ws_connected")
                && "ws-hostile-path".equals(text(line, "request.id")));
        assertEquals(null, connected.get("tournament.id"));
        assertEquals(12, number(connected, "draft.id"));
        APP.log().lines(); // every line still one JSON object
        assertTrue(APP.log().rawLines().stream().noneMatch(line -> line.contains("${jndi")));
    }

    private Client connect(String path, String requestId) throws Exception {
        URI uri = URI.create(base.toExternalForm().replaceFirst("^http", "ws").replaceAll("/$", "") + path);
        Client client = new Client();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("X-Request-ID", requestId)
                .buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    /** A text client that waits for the reply to each message it sends (broadcasts of other picks are skipped). */
    private static final class Client implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.startsWith("ok:")) {
                    replies.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        String send(String hero) throws Exception {
            socket.sendText(hero, true).get(10, TimeUnit.SECONDS);
            String reply = replies.poll(10, TimeUnit.SECONDS);
            assertNotNull(reply, "no reply to " + hero);
            return reply;
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            CompletableFuture.runAsync(() -> { }).get();
        }
    }
}
