package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.lang.reflect.Method;

/**
 * Runs every callback of a WebSocket endpoint that is a CDI bean (annotated, or a programmatic {@link Endpoint}) in
 * its connection's context, restoring the previous context afterwards on every path, and writes the connection's
 * lines: {@code ws_connected} after the open callback (or before the first callback, for an endpoint without one),
 * {@code ws_error} before the error callback, {@code ws_disconnected} after the close callback (or, for an endpoint
 * without one, when the container releases the endpoint instance at the end of the connection). The endpoint gets
 * the module's wrapper of its session, so that what it sends through the session's remotes is counted. The
 * endpoint's exceptions are rethrown unchanged.
 *
 * <p>An interceptor instance belongs to one endpoint instance, hence to one connection.
 *
 * <p>An interceptor ({@code @Interceptor} added by {@link WebSocketBeans}) only where the server offers its API.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@WebSocketContext
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class WebSocketContextInterceptor {
    /** The module, injected once per interceptor instance (one per endpoint instance, hence per connection). */
    @Inject
    WebSocketTelemetry webSockets;

    private volatile ConnectionTelemetry seen;

    @AroundInvoke
    public Object inConnectionContext(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Callback callback = method == null ? Callback.OTHER : Callback.of(method);
        Object[] parameters = invocation.getParameters();
        int sessionAt = indexOf(parameters, Session.class);
        if (callback == Callback.OTHER) {
            return invocation.proceed();
        }
        // a callback without a Session parameter: the connection this endpoint instance saw before, if any
        ConnectionTelemetry connection = sessionAt < 0 ? seen
                : SessionTelemetry.of((Session) parameters[sessionAt], template(invocation, parameters), webSockets);
        if (connection == null) {
            return invocation.proceed();
        }
        if (seen == null) {
            seen = connection;
            serving(webSockets, invocation.getTarget(), connection);
        }
        if (sessionAt >= 0) {
            wrapSession(invocation, parameters, sessionAt, connection);
        }
        try (ContextStorage.Scope scope = connection.bind()) {
            if (callback != Callback.OPEN) {
                WebSocketTelemetry.connected(connection); // no open callback: the connection shows at its first one
            }
            switch (callback) {
                case MESSAGE:
                    connection.received();
                    try (SpanAccess.SpanScope span = connection.messageSpan()) {
                        Object reply = invocation.proceed();
                        if (reply != null) {
                            connection.sent();
                        }
                        return reply;
                    }
                case ERROR:
                    WebSocketTelemetry.failed(connection, find(parameters, Throwable.class));
                    return invocation.proceed();
                case OPEN:
                    try {
                        return invocation.proceed();
                    } finally {
                        WebSocketTelemetry.connected(connection);
                    }
                default: // CLOSE
                    try {
                        return invocation.proceed();
                    } finally {
                        CloseReason reason = find(parameters, CloseReason.class);
                        WebSocketTelemetry.disconnected(connection,
                                reason == null ? 0 : reason.getCloseCode().getCode(),
                                reason == null ? null : reason.getReasonPhrase());
                    }
            }
        }
    }

    /** The endpoint instance is released at the end of its connection: ends a connection no close callback ended. */
    @PreDestroy
    public Object released(InvocationContext invocation) throws Exception {
        ConnectionTelemetry connection = seen;
        if (connection != null && !connection.isClosed()) {
            try (ContextStorage.Scope scope = connection.bind()) {
                WebSocketTelemetry.disconnected(connection, 0, null);
            } catch (RuntimeException e) {
                // the endpoint's release goes on
            }
        }
        return invocation.proceed();
    }

    /** Remembers which connection the endpoint instance serves, for its release (an endpoint made outside CDI). */
    private static void serving(WebSocketTelemetry webSockets, Object endpoint, ConnectionTelemetry connection) {
        try {
            if (webSockets != null && endpoint != null) {
                webSockets.serving(endpoint, connection);
            }
        } catch (RuntimeException | LinkageError e) {
            // its close callback, or the container's end of the connection, ends its log
        }
    }

    private static void wrapSession(InvocationContext invocation, Object[] parameters, int at,
                                    ConnectionTelemetry connection) {
        try {
            Session wrapped = connection.session((Session) parameters[at]);
            if (wrapped != parameters[at]) {
                Object[] replaced = parameters.clone();
                replaced[at] = wrapped;
                invocation.setParameters(replaced);
            }
        } catch (RuntimeException e) {
            // the callback gets the container's session: its sends go uncounted
        }
    }

    /** The endpoint's path template: from its annotation, or from the configuration its open callback gets. */
    private static String template(InvocationContext invocation, Object[] parameters) {
        Object target = invocation.getTarget();
        for (Class<?> type = target == null ? null : target.getClass(); type != null && type != Object.class;
             type = type.getSuperclass()) {
            ServerEndpoint annotation = type.getAnnotation(ServerEndpoint.class);
            if (annotation != null) {
                return annotation.value();
            }
        }
        EndpointConfig config = find(parameters, EndpointConfig.class);
        return config instanceof ServerEndpointConfig ? ((ServerEndpointConfig) config).getPath() : null;
    }

    private static int indexOf(Object[] parameters, Class<?> type) {
        if (parameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                if (type.isInstance(parameters[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static <T> T find(Object[] parameters, Class<T> type) {
        int at = indexOf(parameters, type);
        return at < 0 ? null : type.cast(parameters[at]);
    }

    /** Which of an endpoint's callbacks a method is. */
    enum Callback {
        OPEN, MESSAGE, ERROR, CLOSE, OTHER;

        static Callback of(Method method) {
            if (method.isAnnotationPresent(OnMessage.class)) {
                return MESSAGE;
            }
            if (method.isAnnotationPresent(OnOpen.class)) {
                return OPEN;
            }
            if (method.isAnnotationPresent(OnError.class)) {
                return ERROR;
            }
            if (method.isAnnotationPresent(OnClose.class)) {
                return CLOSE;
            }
            if (Endpoint.class.isAssignableFrom(method.getDeclaringClass())) {
                return programmatic(method);
            }
            return OTHER;
        }

        private static Callback programmatic(Method method) {
            Class<?>[] types = method.getParameterTypes();
            if (types.length != 2 || types[0] != Session.class) {
                return OTHER;
            }
            switch (method.getName()) {
                case "onOpen":
                    return types[1] == EndpointConfig.class ? OPEN : OTHER;
                case "onClose":
                    return types[1] == CloseReason.class ? CLOSE : OTHER;
                case "onError":
                    return types[1] == Throwable.class ? ERROR : OTHER;
                default:
                    return OTHER;
            }
        }
    }
}
