package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.websocket.ConnectionTelemetry;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the module adds to each WebSocket message on the container's thread: a message handler registered through the
 * connection's session wrapper binds the connection's context, counts the message and restores the previous context
 * ({@link #messageInContext}); a send through the wrapper's basic remote is counted ({@link #countedSend}). The
 * handler and the container's remote do nothing, so what is measured is the module's share. The baselines call the
 * same handler and remote directly.
 */
public class WebSocketMessageBenchmark extends BenchmarkDefaults {
    private MessageHandler.Whole<String> handler;
    private MessageHandler.Whole<String> wrapped;
    private Session container;
    private Session session;

    @Setup
    public void start() {
        AtomicReference<MessageHandler.Whole<String>> registered = new AtomicReference<>();
        RemoteEndpoint.Basic remote = (RemoteEndpoint.Basic) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Basic.class}, (proxy, method, args) -> null);
        container = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "addMessageHandler":
                            registered.set(cast(args[1]));
                            return null;
                        case "getBasicRemote":
                            return remote;
                        case "hashCode":
                            return 1;
                        default:
                            return null;
                    }
                });
        handler = message -> ContextStorage.current();
        ConnectionTelemetry connection = new ConnectionTelemetry(Fields.builder(5)
                .put("ws.conn_id", "0b7b1f2e-6a55-4d6f-9c1e-3f0a2b4c5d6e").put("request.id", "ws-1")
                .put("labels", java.util.List.of("tournament", "draft")).put("tournament.id", 5L).put("draft.id", 12L)
                .build());
        session = connection.session(container);
        session.addMessageHandler(String.class, handler);
        wrapped = registered.get();
    }

    @SuppressWarnings("unchecked")
    private static MessageHandler.Whole<String> cast(Object handler) {
        return (MessageHandler.Whole<String>) handler;
    }

    @Benchmark
    public void messageBaseline() {
        handler.onMessage("axe");
    }

    @Benchmark
    public void messageInContext() {
        wrapped.onMessage("axe");
    }

    @Benchmark
    public void sendBaseline() throws IOException {
        container.getBasicRemote().sendText("ok:axe");
    }

    @Benchmark
    public void countedSend() throws IOException {
        session.getBasicRemote().sendText("ok:axe");
    }
}
