package dev.telemetrycdi;

import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.messaging.ContextListener;
import dev.telemetrycdi.internal.messaging.MessageProperties;
import dev.telemetrycdi.internal.tracing.BoundTraceContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Context across JMS: the sender's {@code request.id}, {@code user.id} and trace context travel as message
 * properties, and the receiver processes each message in that context, with {@code message_received},
 * {@code message_processed} / {@code message_failed} lines and, with tracing on, a consumer span in the sender's
 * trace.
 *
 * <p>Usually nothing is needed: a {@code JMSContext} or connection factory the container injects into a field sends
 * the context along by itself, and every message-driven bean receives it. These methods are for the rest: JMS
 * objects the code looks up or is handed, and programmatic listeners.
 *
 * <pre>{@code
 * // sending, on a thread with a context, with a JMSContext the container did not inject
 * TelemetryMessages.carry(jms.createProducer()).send(queue, body);
 *
 * // receiving with a programmatic listener
 * consumer.setMessageListener(TelemetryMessages.listener(message -> apply(message)));
 * }</pre>
 *
 * <p>Property names, all legal JMS identifiers: {@value MessageProperties#REQUEST_ID},
 * {@value MessageProperties#USER_ID}, and {@value MessageProperties#TRACEPARENT} /
 * {@value MessageProperties#TRACESTATE} (only with tracing on). A property the message already has is left as it
 * is. Nothing here throws into the application: a message or producer that refuses a property is sent without it.
 *
 * <p>Thread-safe. {@code carry} writes what the calling thread's bound context holds, without looking anything up:
 * nothing outside a context the module bound (or while the module does not run), the trace context only while that
 * context is traced. {@code listener} finds the module once, when it wraps, in the calling application's CDI
 * container; a listener wrapped outside a thread of the application runs unwrapped.
 */
public final class TelemetryMessages {
    private TelemetryMessages() {
    }

    /** Writes the current context into {@code message}'s properties and returns the message. */
    public static <M extends Message> M carry(M message) {
        if (message != null) {
            MessageProperties.write(BoundTraceContext::inject, name -> exists(message, name), (name, value) -> {
                try {
                    message.setStringProperty(name, value);
                } catch (JMSException e) {
                    // a read-only message: sent without the property
                }
            });
        }
        return message;
    }

    /**
     * Sets the current context as properties of {@code producer}, so that every message it sends next carries
     * them, and returns the producer. Use a new producer per send ({@code jms.createProducer()}) so that one
     * request's context does not stay on a producer that is reused for another.
     */
    public static JMSProducer carry(JMSProducer producer) {
        if (producer != null) {
            MessageProperties.write(BoundTraceContext::inject, producer::propertyExists, producer::setProperty);
        }
        return producer;
    }

    /**
     * {@code listener} wrapped so that each message is processed in its sender's context, with the module's lines
     * and span; a listener that is already wrapped is returned as it is. Its exceptions are rethrown unchanged.
     */
    public static MessageListener listener(MessageListener listener) {
        return ContextListener.wrap(listener, Running.lookup());
    }

    private static boolean exists(Message message, String name) {
        try {
            return message.propertyExists(name);
        } catch (JMSException e) {
            return true; // unreadable: leave it alone
        }
    }
}
