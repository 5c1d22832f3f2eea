package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WebSocket endpoints of a guide-style chat application that knows nothing of the module, with a real client:
 * what every connection of an endpoint the module reaches carries and logs, without a line of application code,
 * and what the module says at deployment about the endpoints it cannot reach.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignWebSocketIT {
    private static final ForeignApp APP = ForeignApp.chat("foreign-chat");
    private static final String PACKAGE = "dev.telemetrycdi.it.foreign.chat.";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void aBeanEndpointWithItsOwnConfiguratorAndNoOpenOrCloseCallbackGetsTheWholeConnection() throws Exception {
        Client client = connect("/boards/7?nickname=ana", "chat-board");
        assertEquals("board:hi", client.send("hi"));
        assertEquals("board:again", client.send("again"));
        client.close();
        JsonObject connected = await("ws_connected", "chat-board");
        String connId = text(connected, "ws.conn_id");
        assertNotNull(connId);
        assertEquals(7, number(connected, "board.id"));
        JsonObject posted = APP.log().await(line -> "Posted to board by ana".equals(text(line, "event"))
                && "chat-board".equals(text(line, "request.id")));
        assertEquals(connId, text(posted, "ws.conn_id"));
        assertEquals(7, number(posted, "board.id"));
        JsonObject disconnected = await("ws_disconnected", "chat-board");
        assertEquals(connId, text(disconnected, "ws.conn_id"));
        assertEquals(2, number(disconnected, "messages.received"));
        assertEquals(2, number(disconnected, "messages.sent"));
        assertTrue(disconnected.containsKey("duration_ms"), disconnected.toString());
        // neither server tells the close code to anyone but a close callback: the line has none
        assertNull(disconnected.get("websocket.close.code"), disconnected.toString());
        assertEquals(1, count(line -> event(line, "ws_disconnected") && connId.equals(text(line, "ws.conn_id"))));
        assertEquals(1, count(line -> event(line, "ws_connected") && connId.equals(text(line, "ws.conn_id"))));
        assertEquals(101, number(APP.log().completed("chat-board"), "http.response.status_code"));
    }

    @Test
    void sendsThroughTheBasicAndTheAsyncRemoteAreCountedAndCloseCallbacksEndTheConnection() throws Exception {
        Client client = connect("/lobbies/3", "chat-lobby");
        for (int i = 0; i < 3; i++) {
            assertEquals("ack:m" + i, client.send("m" + i));
        }
        client.close();
        JsonObject disconnected = await("ws_disconnected", "chat-lobby");
        assertEquals(3, number(disconnected, "messages.received"));
        assertEquals(6, number(disconnected, "messages.sent"));
        assertEquals(1000, number(disconnected, "websocket.close.code"));
        assertEquals(3, number(disconnected, "lobby.id"));
        JsonObject left = APP.log().await(line -> "Left lobby".equals(text(line, "event"))
                && "chat-lobby".equals(text(line, "request.id")));
        assertEquals(text(disconnected, "ws.conn_id"), text(left, "ws.conn_id"));
        JsonObject entered = APP.log().await(line -> "Entered lobby 3".equals(text(line, "event")));
        assertEquals("chat-lobby", text(entered, "request.id"));
    }

    @Test
    void aGeneratedRequestIdIsTheSameOnTheUpgradeAndOnTheConnection() {
        Http.RawResponse upgrade = Http.upgrade(base, "/lobbies/4", "");
        assertEquals(101, upgrade.status(), upgrade.text());
        String echoed = upgrade.header("X-Request-ID");
        assertNotNull(echoed, upgrade.text());
        UUID.fromString(echoed);
        JsonObject connected = await("ws_connected", echoed);
        assertEquals(4, number(connected, "lobby.id"));
        assertEquals(101, number(APP.log().completed(echoed), "http.response.status_code"));
        await("ws_disconnected", echoed);
    }

    @Test
    void interleavedConnectionsNeverMixTheirContext() throws Exception {
        Client a = connect("/lobbies/10", "chat-a");
        Client b = connect("/lobbies/20", "chat-b");
        for (int i = 0; i < 10; i++) {
            a.send("a" + i);
            b.send("b" + i);
        }
        a.close();
        b.close();
        await("ws_disconnected", "chat-a");
        await("ws_disconnected", "chat-b");
        int seen = 0;
        for (JsonObject line : APP.log().lines()) {
            String message = text(line, "event");
            if (message == null || !message.startsWith("Lobby message ")) {
                continue;
            }
            String text = message.substring("Lobby message ".length());
            if (text.matches("a\\d")) {
                assertEquals("chat-a", text(line, "request.id"), line.toString());
                assertEquals(10, number(line, "lobby.id"));
                seen++;
            } else if (text.matches("b\\d")) {
                assertEquals("chat-b", text(line, "request.id"), line.toString());
                assertEquals(20, number(line, "lobby.id"));
                seen++;
            }
        }
        assertEquals(20, seen);
    }

    @Test
    void aProgrammaticBeanEndpointRunsItsHandlersInTheConnectionsContext() throws Exception {
        Client client = connect("/notices/42", "chat-notice");
        assertEquals("notice:n1", client.send("n1"));
        client.close();
        JsonObject received = APP.log().await(line -> "Notice received".equals(text(line, "event"))
                && "chat-notice".equals(text(line, "request.id")));
        assertEquals(42, number(received, "notice.id"));
        JsonObject disconnected = await("ws_disconnected", "chat-notice");
        assertEquals(text(received, "ws.conn_id"), text(disconnected, "ws.conn_id"));
        assertEquals(1, number(disconnected, "messages.received"));
        assertEquals(1, number(disconnected, "messages.sent"));
        assertEquals(1000, number(disconnected, "websocket.close.code"));
        await("ws_connected", "chat-notice");
    }

    @Test
    void anAbruptDisconnectEndsTheConnectionWithoutThePeersAddress() throws Exception {
        Client client = connect("/lobbies/5", "chat-abrupt");
        client.send("bye");
        client.socket.abort();
        JsonObject disconnected = await("ws_disconnected", "chat-abrupt");
        assertNotEquals(1000, disconnected.containsKey("websocket.close.code")
                ? number(disconnected, "websocket.close.code") : 0);
        String reason = text(disconnected, "websocket.close.reason");
        assertTrue(reason == null || !reason.matches(".*\\d+\\.\\d+\\.\\d+\\.\\d+.*") && !reason.contains("localhost"),
                disconnected.toString());
    }

    @Test
    void hostileHandshakeHeadersAndPathsAreReplacedAndNeverReachTheLines() {
        String tooLong = "x".repeat(200);
        String jsonBreaking = "\"},{\"event\":\"forged";
        for (String hostile : List.of(tooLong, jsonBreaking, "a\u0001b\u001bc", "${jndi:ldap://x}")) {
            Http.RawResponse upgrade = Http.upgrade(base, "/lobbies/6", hostile);
            if (upgrade.status() != 101) {
                continue; // a server may refuse the header itself: then nothing reached the application
            }
            String echoed = upgrade.header("X-Request-ID");
            UUID.fromString(echoed);
            await("ws_connected", echoed);
            JsonObject replaced = await("request_id_replaced", echoed); // said once, on the upgrade request
            assertEquals("warning", text(replaced, "level"));
            assertNotNull(text(replaced, "reason"));
        }
        Http.RawResponse odd = Http.upgrade(base, "/lobbies/%24%7Bjndi:x%7D", "chat-odd-path");
        assertEquals(101, odd.status(), odd.text());
        JsonObject connected = await("ws_connected", "chat-odd-path");
        assertNull(connected.get("lobby.id"), connected.toString());
        for (String raw : APP.log().rawLines()) {
            JsonObject line = LogFile.parse(raw);
            assertFalse(raw.contains(tooLong) || raw.contains("forged") || raw.contains("\\u0001"), raw);
            String requestId = text(line, "request.id");
            assertTrue(requestId == null || requestId.matches("[A-Za-z0-9._:+/=@-]{1,128}"), raw);
            String logger = text(line, "logger");
            if (logger != null && logger.startsWith("dev.telemetrycdi.") && !logger.startsWith(PACKAGE)) {
                // the module's own lines: url.path keeps the raw, percent-encoded path; nothing decoded reaches them
                assertFalse(raw.contains("${jndi"), raw);
            }
        }
    }

    /**
     * Every endpoint is reached on both servers, without a line of code, and named at deployment. Open Liberty
     * creates an endpoint through CDI when CDI has a bean for its class: the plain annotated endpoint and the plain
     * programmatic one get a bean of the module's. WildFly: the module wraps the plain annotated endpoint and every
     * programmatic one before Undertow deploys them, and the one the application adds in a listener once every
     * listener has run: that one is named in {@code telemetry_hooked}, after {@code telemetry_initialized}.
     */
    @Test
    void everyEndpointIsReachedAndNamedAtDeployment() throws Exception {
        JsonObject initialized = APP.log().await(line -> event(line, "telemetry_initialized"));
        List<String> hooked = new ArrayList<>(strings(initialized, "hooks"));
        assertNull(initialized.get("hooks.missed"), initialized.toString());
        boolean liberty = Server.isLiberty();
        if (!liberty) {
            JsonObject late = APP.log().await(line -> event(line, "telemetry_hooked"));
            assertEquals(List.of("websocket " + PACKAGE + "EchoEndpoint"), strings(late, "hooks"), late.toString());
            hooked.addAll(strings(late, "hooks"));
        }
        for (String endpoint : List.of("BoardEndpoint", "LobbyEndpoint", "NoticeEndpoint", "RoomEndpoint",
                "EchoEndpoint")) {
            assertTrue(hooked.contains("websocket " + PACKAGE + endpoint), hooked.toString());
        }

        Client room = connect("/rooms/1?nickname=bo", "chat-room");
        assertEquals("room:yo", room.send("yo"));
        room.close();
        JsonObject joined = APP.log().await(line -> "Joined room 1 as bo".equals(text(line, "event")));
        assertEquals("chat-room", text(joined, "request.id"));
        assertEquals(1, number(joined, "room.id"));
        JsonObject message = APP.log().await(line -> "Message in room".equals(text(line, "event")));
        assertEquals(text(joined, "ws.conn_id"), text(message, "ws.conn_id"));
        JsonObject left = await("ws_disconnected", "chat-room");
        assertEquals(text(joined, "ws.conn_id"), text(left, "ws.conn_id"));
        assertEquals(1, number(left, "messages.received"));
        assertEquals(1, number(left, "messages.sent"));
        await("ws_connected", "chat-room");

        Client echo = connect("/echo", "chat-echo");
        assertEquals("echo:e", echo.send("e"));
        echo.close();
        JsonObject echoed = APP.log().await(line -> "Echo".equals(text(line, "event")));
        assertEquals("chat-echo", text(echoed, "request.id"), echoed.toString());
        JsonObject echoLeft = await("ws_disconnected", "chat-echo");
        assertEquals(text(echoed, "ws.conn_id"), text(echoLeft, "ws.conn_id"));
        assertEquals(1, number(echoLeft, "messages.received"));
        assertEquals(1, number(echoLeft, "messages.sent"));
        assertEquals(1000, number(echoLeft, "websocket.close.code"));
        assertEquals(1, count(line -> event(line, "ws_disconnected") && "chat-echo".equals(text(line, "request.id"))));
    }

    private static JsonObject await(String event, String requestId) {
        return APP.log().await(line -> event(line, event) && requestId.equals(text(line, "request.id")));
    }

    private static long count(Predicate<JsonObject> match) {
        return APP.log().lines().stream().filter(match).count();
    }

    private static List<String> strings(JsonObject line, String key) {
        JsonValue value = line.get(key);
        return value == null ? List.of()
                : value.asJsonArray().stream().map(item -> ((JsonString) item).getString()).toList();
    }

    private Client connect(String path, String requestId) throws Exception {
        URI uri = URI.create(base.toExternalForm().replaceFirst("^http", "ws").replaceAll("/$", "") + path);
        Client client = new Client();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("X-Request-ID", requestId)
                .buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    /** A text client that waits for the reply to each message it sends (the lobby's second answers are skipped). */
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
                if (!message.startsWith("also:")) { // the lobby's second answer, through the async remote
                    replies.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        String send(String text) throws Exception {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
            String reply = replies.poll(10, TimeUnit.SECONDS);
            assertNotNull(reply, "no reply to " + text);
            return reply;
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }
}
