package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.internal.cdi.TelemetryRuntime;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A {@link MessageListener} that runs each delivery to the listener it wraps through {@link MessageDelivery}, while
 * the module runs; the wrapped listener's exceptions are rethrown unchanged.
 *
 * <p>Internal API: may change without notice. Thread-safe if the wrapped listener is.
 */
public final class ContextListener implements MessageListener {
    private final MessageListener listener;
    private final TelemetryRuntime runtime;

    private ContextListener(MessageListener listener, TelemetryRuntime runtime) {
        this.listener = listener;
        this.runtime = runtime;
    }

    /** {@code listener} wrapped, or as it is when already wrapped or when there is no runtime. */
    public static MessageListener wrap(MessageListener listener, TelemetryRuntime runtime) {
        if (listener == null || listener instanceof ContextListener || runtime == null) {
            return listener;
        }
        return new ContextListener(listener, runtime);
    }

    @Override
    public void onMessage(Message message) {
        if (!runtime.isActive()) {
            listener.onMessage(message);
            return;
        }
        try {
            MessageDelivery.process(runtime.tracingSpans(), message, () -> {
                listener.onMessage(message);
                return null;
            });
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // unreachable: onMessage throws no checked exception
        }
    }
}
