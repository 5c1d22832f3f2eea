package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The container's session of one connection, as the module hands it to the endpoint's callbacks: messages sent
 * through its basic and asynchronous remotes are counted, and message handlers registered on it run in the
 * connection's context and are counted as received. Everything else goes to the container's session unchanged.
 *
 * <p>One per connection ({@link ConnectionTelemetry#session}), so that the endpoint sees the same object in every
 * callback; equal to another wrapper of the same container session.
 *
 * <p>Internal API: may change without notice. Thread-safe as the container's session is.
 */
final class ConnectionSession implements Session {
    private final Session session;
    private final ConnectionTelemetry connection;
    private final Map<MessageHandler, MessageHandler> handlers = new ConcurrentHashMap<>();

    ConnectionSession(Session session, ConnectionTelemetry connection) {
        this.session = session;
        this.connection = connection;
    }

    /** The container's session behind {@code session}, or {@code session} itself. */
    static Session unwrap(Session session) {
        return session instanceof ConnectionSession ? ((ConnectionSession) session).session : session;
    }

    @Override
    public RemoteEndpoint.Basic getBasicRemote() {
        return new CountingRemotes.Basic(session.getBasicRemote(), connection);
    }

    @Override
    public RemoteEndpoint.Async getAsyncRemote() {
        return new CountingRemotes.Async(session.getAsyncRemote(), connection);
    }

    @Override
    public void addMessageHandler(MessageHandler handler) {
        Class<?> type = messageType(handler);
        if (type == null) {
            session.addMessageHandler(handler); // the container finds the type, the module does not: as it is
        } else if (handler instanceof MessageHandler.Whole) {
            addWhole(type, (MessageHandler.Whole<?>) handler);
        } else {
            addPartial(type, (MessageHandler.Partial<?>) handler);
        }
    }

    @Override
    public <T> void addMessageHandler(Class<T> type, MessageHandler.Whole<T> handler) {
        MessageHandler.Whole<T> wrapped = message -> {
            connection.received();
            try (ContextStorage.Scope scope = connection.bind();
                 SpanAccess.SpanScope span = connection.messageSpan()) {
                handler.onMessage(message);
            }
        };
        session.addMessageHandler(type, wrapped);
        handlers.put(handler, wrapped);
    }

    @Override
    public <T> void addMessageHandler(Class<T> type, MessageHandler.Partial<T> handler) {
        MessageHandler.Partial<T> wrapped = (part, last) -> {
            if (last) {
                connection.received();
            }
            try (ContextStorage.Scope scope = connection.bind();
                 SpanAccess.SpanScope span = connection.messageSpan()) {
                handler.onMessage(part, last);
            }
        };
        session.addMessageHandler(type, wrapped);
        handlers.put(handler, wrapped);
    }

    @SuppressWarnings("unchecked")
    private <T> void addWhole(Class<T> type, MessageHandler.Whole<?> handler) {
        addMessageHandler(type, (MessageHandler.Whole<T>) handler);
    }

    @SuppressWarnings("unchecked")
    private <T> void addPartial(Class<T> type, MessageHandler.Partial<?> handler) {
        addMessageHandler(type, (MessageHandler.Partial<T>) handler);
    }

    /** The message type a handler class declares ({@code Whole<String>} gives String), or null. */
    static Class<?> messageType(MessageHandler handler) {
        for (Class<?> type = handler.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Type declared : type.getGenericInterfaces()) {
                if (declared instanceof ParameterizedType) {
                    ParameterizedType parameterized = (ParameterizedType) declared;
                    Type raw = parameterized.getRawType();
                    Type argument = parameterized.getActualTypeArguments()[0];
                    if ((raw == MessageHandler.Whole.class || raw == MessageHandler.Partial.class)
                            && argument instanceof Class) {
                        return (Class<?>) argument;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public Set<MessageHandler> getMessageHandlers() {
        Set<MessageHandler> registered = new LinkedHashSet<>(session.getMessageHandlers());
        for (Map.Entry<MessageHandler, MessageHandler> handler : handlers.entrySet()) {
            if (registered.remove(handler.getValue())) {
                registered.add(handler.getKey());
            }
        }
        return registered;
    }

    @Override
    public void removeMessageHandler(MessageHandler handler) {
        MessageHandler wrapped = handlers.remove(handler);
        session.removeMessageHandler(wrapped != null ? wrapped : handler);
    }

    /** The open sessions of the endpoint, each as the module's wrapper where it has one (sends to them count). */
    @Override
    public Set<Session> getOpenSessions() {
        Set<Session> open = new LinkedHashSet<>();
        for (Session other : session.getOpenSessions()) {
            ConnectionTelemetry telemetry = ConnectionTelemetry.of(safeProperties(other));
            open.add(telemetry != null ? telemetry.session(other) : other);
        }
        return open;
    }

    private static Map<String, Object> safeProperties(Session other) {
        try {
            return other.getUserProperties();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public WebSocketContainer getContainer() {
        return session.getContainer();
    }

    @Override
    public String getProtocolVersion() {
        return session.getProtocolVersion();
    }

    @Override
    public String getNegotiatedSubprotocol() {
        return session.getNegotiatedSubprotocol();
    }

    @Override
    public List<Extension> getNegotiatedExtensions() {
        return session.getNegotiatedExtensions();
    }

    @Override
    public boolean isSecure() {
        return session.isSecure();
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public long getMaxIdleTimeout() {
        return session.getMaxIdleTimeout();
    }

    @Override
    public void setMaxIdleTimeout(long milliseconds) {
        session.setMaxIdleTimeout(milliseconds);
    }

    @Override
    public void setMaxBinaryMessageBufferSize(int length) {
        session.setMaxBinaryMessageBufferSize(length);
    }

    @Override
    public int getMaxBinaryMessageBufferSize() {
        return session.getMaxBinaryMessageBufferSize();
    }

    @Override
    public void setMaxTextMessageBufferSize(int length) {
        session.setMaxTextMessageBufferSize(length);
    }

    @Override
    public int getMaxTextMessageBufferSize() {
        return session.getMaxTextMessageBufferSize();
    }

    @Override
    public String getId() {
        return session.getId();
    }

    @Override
    public void close() throws IOException {
        session.close();
    }

    @Override
    public void close(CloseReason closeReason) throws IOException {
        session.close(closeReason);
    }

    @Override
    public URI getRequestURI() {
        return session.getRequestURI();
    }

    @Override
    public Map<String, List<String>> getRequestParameterMap() {
        return session.getRequestParameterMap();
    }

    @Override
    public String getQueryString() {
        return session.getQueryString();
    }

    @Override
    public Map<String, String> getPathParameters() {
        return session.getPathParameters();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return session.getUserProperties();
    }

    @Override
    public Principal getUserPrincipal() {
        return session.getUserPrincipal();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ConnectionSession && ((ConnectionSession) other).session.equals(session);
    }

    @Override
    public int hashCode() {
        return session.hashCode();
    }

    @Override
    public String toString() {
        return session.toString();
    }
}
