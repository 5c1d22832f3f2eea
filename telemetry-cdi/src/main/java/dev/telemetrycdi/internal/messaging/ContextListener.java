package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.internal.cdi.Running;
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
    private final Running running;

    private ContextListener(MessageListener listener, Running running) {
        this.listener = listener;
        this.running = running;
    }

    /** {@code listener} wrapped, or as it is when already wrapped, null, or the module does not run. */
    public static MessageListener wrap(MessageListener listener, Running running) {
        if (listener == null || listener instanceof ContextListener || running == null || !running.active()) {
            return listener;
        }
        return new ContextListener(listener, running);
    }

    @Override
    public void onMessage(Message message) {
        if (!running.active()) {
            listener.onMessage(message);
            return;
        }
        try {
            MessageDelivery.process(running.spans(), message, () -> {
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
