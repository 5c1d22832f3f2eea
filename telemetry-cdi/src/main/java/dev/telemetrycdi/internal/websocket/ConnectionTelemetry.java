package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.work.Work;

import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the module knows about one WebSocket connection: its context fields (from the handshake), when it opened and
 * how many messages went each way. Kept in the session's user properties. A {@link Work} of
 * {@link WebSocketTelemetry#KIND}: its start time, and the once-only {@code ws_connected} (the unit's started line,
 * written at the first callback) and {@code ws_disconnected} (its completed line), are the unit of work's.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class ConnectionTelemetry extends Work {
    /** The user-properties key of a connection's telemetry. */
    public static final String KEY = ConnectionTelemetry.class.getName();

    private final Fields context;
    private final Supplier<SpanAccess.SpanScope> messageSpans;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile ConnectionSession session;

    public ConnectionTelemetry(Fields context) {
        this(context, () -> SpanAccess.SpanScope.NONE);
    }

    ConnectionTelemetry(Fields context, Supplier<SpanAccess.SpanScope> messageSpans) {
        super(WebSocketTelemetry.KIND);
        this.context = context;
        this.messageSpans = messageSpans;
    }

    /** A span for one message, current until closed (a no-op unless message spans are on). */
    public SpanAccess.SpanScope messageSpan() {
        try {
            return messageSpans.get();
        } catch (RuntimeException e) {
            return SpanAccess.SpanScope.NONE;
        }
    }

    public Fields context() {
        return context;
    }

    /** Binds the connection's context on the current thread until the scope is closed. */
    public ContextStorage.Scope bind() {
        return ContextStorage.attach(ContextStorage.current().withAll(context));
    }

    /** The telemetry of the connection behind {@code properties} (a session's user properties), or null. */
    public static ConnectionTelemetry of(java.util.Map<String, Object> properties) {
        try {
            Object telemetry = properties == null ? null : properties.get(KEY);
            return telemetry instanceof ConnectionTelemetry ? (ConnectionTelemetry) telemetry : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The session the endpoint gets in its callbacks: {@code container}'s session wrapped once per connection, so
     * that sends through its remotes count and its message handlers run in the connection's context.
     */
    public jakarta.websocket.Session session(jakarta.websocket.Session container) {
        if (container instanceof ConnectionSession) {
            return container;
        }
        ConnectionSession wrapped = session;
        if (wrapped == null) {
            synchronized (this) {
                wrapped = session;
                if (wrapped == null) {
                    wrapped = new ConnectionSession(container, this);
                    session = wrapped;
                }
            }
        }
        return wrapped;
    }

    public void received() {
        received.incrementAndGet();
    }

    public void sent() {
        sent.incrementAndGet();
    }

    /** Takes back a send the container refused. */
    void unsent() {
        sent.decrementAndGet();
    }

    long receivedCount() {
        return received.get();
    }

    long sentCount() {
        return sent.get();
    }

    /** True once {@code ws_disconnected} was written. */
    boolean isClosed() {
        return isEnded();
    }
}
