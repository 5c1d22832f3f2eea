package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConnectionSessionTest {
    private final List<Object> handlers = new ArrayList<>();
    private final Map<String, Object> properties = new HashMap<>();
    private final ConnectionTelemetry connection = new ConnectionTelemetry(Fields.of("ws.conn_id", "c-1"));
    private final Session container = fake(Session.class, (method, args) -> {
        switch (method) {
            case "getBasicRemote": return fake(RemoteEndpoint.Basic.class, (m, a) -> {
                if ("sendText".equals(m) && "fail".equals(a[0])) {
                    throw new java.io.IOException("closed");
                }
                if ("sendText".equals(m) && "watched".equals(a[0])) {
                    countedWhileSending = connection.sentCount();
                }
                return null;
            });
            case "getAsyncRemote": return fake(RemoteEndpoint.Async.class, (m, a) -> null);
            case "addMessageHandler": handlers.add(args[args.length - 1]); return null;
            case "getUserProperties": return properties;
            case "hashCode": return 7;
            case "equals": return args[0] == null ? false : System.identityHashCode(args[0]) == 0;
            default: return null;
        }
    });
    private long countedWhileSending = -1;

    @Test
    void sendsThroughBothRemotesCountOncePerWholeMessage() throws Exception {
        Session session = connection.session(container);
        session.getBasicRemote().sendText("a");
        session.getBasicRemote().sendText("b", false);
        session.getBasicRemote().sendText("c", true);
        session.getBasicRemote().sendBinary(ByteBuffer.allocate(1));
        session.getAsyncRemote().sendText("d");
        session.getAsyncRemote().sendObject("e", result -> { });
        session.getBasicRemote().sendPing(ByteBuffer.allocate(1));
        assertEquals(5, connection.sentCount());
        assertThrows(java.io.IOException.class, () -> session.getBasicRemote().sendText("fail"));
        assertEquals(5, connection.sentCount(), "a failed send is not counted");
    }

    /** The peer may answer and close before the container's send returns: the message is counted by then. */
    @Test
    void aMessageIsCountedBeforeTheContainerWritesIt() throws Exception {
        connection.session(container).getBasicRemote().sendText("watched");
        assertEquals(1, countedWhileSending);
        assertEquals(1, connection.sentCount());
    }

    @Test
    void oneWrapperPerConnection() {
        Session session = connection.session(container);
        assertSame(session, connection.session(container));
        assertSame(session, connection.session(session));
        assertSame(container, ConnectionSession.unwrap(session));
    }

    @SuppressWarnings("unchecked")
    @Test
    void handlersRunInTheConnectionsContextAndAreCounted() {
        Session session = connection.session(container);
        AtomicReference<Object> seen = new AtomicReference<>();
        session.addMessageHandler(new MessageHandler.Whole<String>() {
            @Override
            public void onMessage(String message) {
                seen.set(ContextStorage.current().get("ws.conn_id"));
            }
        });
        ((MessageHandler.Whole<String>) handlers.get(0)).onMessage("hi");
        assertEquals("c-1", seen.get());
        assertEquals(1, connection.receivedCount());
        assertNull(ContextStorage.current().get("ws.conn_id"), "restored afterwards");
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> { });
        ((MessageHandler.Partial<String>) handlers.get(1)).onMessage("x", false);
        ((MessageHandler.Partial<String>) handlers.get(1)).onMessage("y", true);
        assertEquals(2, connection.receivedCount());
    }

    @SuppressWarnings("unchecked")
    @Test
    void anExceptionOfAHandlerIsRethrownAndTheContextRestored() {
        Session session = connection.session(container);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            throw new IllegalStateException("boom");
        });
        assertThrows(IllegalStateException.class, () -> ((MessageHandler.Whole<String>) handlers.get(0)).onMessage("x"));
        assertNull(ContextStorage.current().get("ws.conn_id"));
    }

    @Test
    void theMessageTypeOfAHandlerClass() {
        assertEquals(String.class, ConnectionSession.messageType(new MessageHandler.Whole<String>() {
            @Override
            public void onMessage(String message) {
            }
        }));
        assertEquals(ByteBuffer.class, ConnectionSession.messageType(new MessageHandler.Partial<ByteBuffer>() {
            @Override
            public void onMessage(ByteBuffer part, boolean last) {
            }
        }));
    }

    interface Answer {
        Object answer(String method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    static <T> T fake(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args == null ? new Object[0] : args));
    }
}
