package dev.telemetrycdi.internal.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Queue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A {@link Message} (a dynamic proxy) with string properties, a few headers, and faults on demand. */
final class FakeMessage implements InvocationHandler {
    final Map<String, String> properties = new HashMap<>();
    final Map<String, RuntimeException> unreadable = new HashMap<>();
    String id = "ID:fake-1";
    String correlationId;
    String queue = "MatchEvents";
    boolean readOnly;
    boolean headersFail;

    Message message() {
        return (Message) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Message.class}, this);
    }

    FakeMessage with(String name, String value) {
        properties.put(name, value);
        return this;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getStringProperty":
                if (unreadable.containsKey((String) args[0])) {
                    throw unreadable.get((String) args[0]);
                }
                return properties.get((String) args[0]);
            case "propertyExists":
                return properties.containsKey((String) args[0]);
            case "setStringProperty":
                if (readOnly) {
                    throw new MessageNotWriteableException("read-only");
                }
                properties.put((String) args[0], (String) args[1]);
                return null;
            case "getJMSMessageID":
                return header(id);
            case "getJMSCorrelationID":
                return header(correlationId);
            case "getJMSDestination":
                return queue == null ? header(null) : header(queue(queue));
            case "toString":
                return "FakeMessage" + properties;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                throw new UnsupportedOperationException(method.getName());
        }
    }

    private <T> T header(T value) throws JMSException {
        if (headersFail) {
            throw new JMSException("header unavailable");
        }
        return value;
    }

    private static Queue queue(String name) {
        return (Queue) Proxy.newProxyInstance(FakeMessage.class.getClassLoader(), new Class<?>[] {Queue.class},
                (proxy, method, args) -> "getQueueName".equals(method.getName()) ? name : null);
    }
}
