package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;

import java.lang.reflect.Method;

/**
 * Runs every callback of an annotated WebSocket endpoint in its connection's context, restoring the previous context
 * afterwards on every path, and writes the connection's lines: {@code ws_connected} after {@code @OnOpen},
 * {@code ws_error} before {@code @OnError}, {@code ws_disconnected} after {@code @OnClose}. The endpoint's
 * exceptions are rethrown unchanged.
 *
 * <p>An interceptor ({@code @Interceptor} added by {@link WebSocketBeans}) only where the server offers its API.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@WebSocketContext
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class WebSocketContextInterceptor {

    @AroundInvoke
    public Object inConnectionContext(InvocationContext invocation) throws Exception {
        ConnectionTelemetry connection = connectionOf(invocation.getParameters());
        Method method = invocation.getMethod();
        if (connection == null || method == null) {
            return invocation.proceed();
        }
        try (ContextStorage.Scope scope = connection.bind()) {
            if (method.isAnnotationPresent(OnMessage.class)) {
                connection.received();
                try (SpanAccess.SpanScope span = connection.messageSpan()) {
                    Object reply = invocation.proceed();
                    if (reply != null) {
                        connection.sent();
                    }
                    return reply;
                }
            }
            if (method.isAnnotationPresent(OnError.class)) {
                WebSocketTelemetry.failed(connection, find(invocation.getParameters(), Throwable.class));
                return invocation.proceed();
            }
            try {
                return invocation.proceed();
            } finally {
                if (method.isAnnotationPresent(OnOpen.class)) {
                    WebSocketTelemetry.connected(connection);
                } else if (method.isAnnotationPresent(OnClose.class)) {
                    CloseReason reason = find(invocation.getParameters(), CloseReason.class);
                    WebSocketTelemetry.disconnected(connection, reason == null ? 0 : reason.getCloseCode().getCode(),
                            reason == null ? null : reason.getReasonPhrase());
                }
            }
        }
    }

    private static ConnectionTelemetry connectionOf(Object[] parameters) {
        Session session = find(parameters, Session.class);
        return session == null ? null : ConnectionTelemetry.of(session.getUserProperties());
    }

    private static <T> T find(Object[] parameters, Class<T> type) {
        if (parameters != null) {
            for (Object parameter : parameters) {
                if (type.isInstance(parameter)) {
                    return type.cast(parameter);
                }
            }
        }
        return null;
    }
}
