package dev.telemetrycdi.internal.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls one of the application's JMS objects on its behalf. Before a {@code send} or {@code publish}, it writes the
 * current context into the message ({@link MessageProperties}): into the {@code Message} argument, or, for a
 * {@code JMSProducer} sending a body, into the producer's properties. Objects the call returns are wrapped the same
 * way ({@link Senders}); everything else, exceptions included, is what the JMS provider gives.
 *
 * <p>A property the application set itself is left as it is. On a {@code JMSProducer}, the properties this handler
 * wrote for an earlier send are overwritten with the current context's values.
 *
 * <p>Internal API: may change without notice. Thread-safe as far as the wrapped object is.
 */
final class SendHandler implements InvocationHandler {
    private final Object target;
    private final Senders senders;
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    SendHandler(Object target, Senders senders) {
        this.target = target;
        this.senders = senders;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        String name = method.getName();
        if (("send".equals(name) || "publish".equals(name)) && args != null) {
            carry(args);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return result == target ? proxy : senders.wrap(result);
    }

    private void carry(Object[] args) {
        try {
            if (!senders.isActive()) {
                return;
            }
            Message message = null;
            for (Object arg : args) {
                if (arg instanceof Message) {
                    message = (Message) arg;
                }
            }
            if (message != null) {
                carry(message);
            } else if (target instanceof JMSProducer) {
                carry((JMSProducer) target);
            }
        } catch (RuntimeException | LinkageError e) {
            // the message goes without the context, as it would without the module
        }
    }

    private void carry(Message message) {
        MessageProperties.write(senders.spans(), name -> exists(message, name), (name, value) -> {
            try {
                message.setStringProperty(name, value);
            } catch (JMSException e) {
                // a read-only message: sent without the property
            }
        });
    }

    private void carry(JMSProducer producer) {
        MessageProperties.write(senders.spans(), name -> !written.contains(name) && producer.propertyExists(name),
                (name, value) -> {
                    producer.setProperty(name, value);
                    written.add(name);
                });
    }

    private static boolean exists(Message message, String name) {
        try {
            return message.propertyExists(name);
        } catch (JMSException e) {
            return true; // unreadable: leave it alone
        }
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return target.toString();
        }
    }
}
