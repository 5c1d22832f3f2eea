package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.ContextScope;
import dev.telemetrycdi.TelemetryContext;
import dev.telemetrycdi.internal.cdi.Capabilities;
import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueConnection;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendersTest {
    private Running running = Running.on(null, Capabilities.ALL, SpanAccess.NONE);
    private final Senders senders = new Senders(() -> running);
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Object> producerProperties = new HashMap<>();

    @Test
    void aJmsProducerFromAWrappedContextSendsTheCurrentContextAndOverwritesItsOwnEarlierValues() {
        JMSContext context = (JMSContext) senders.wrap(fake(JMSContext.class));
        JMSProducer producer = context.createProducer();
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1", "user.id", "alice")) {
            assertSame(producer, producer.setProperty("token", "t"), "fluent calls return the wrapper");
            producer.send(null, "body");
        }
        assertEquals(Map.of("token", "t", "telemetry_request_id", "req-1", "telemetry_user_id", "alice"),
                producerProperties);
        try (ContextScope request = TelemetryContext.bind("request.id", "req-2")) {
            producer.send(null, "body");
        }
        assertEquals("req-2", producerProperties.get("telemetry_request_id"), "a reused producer gets the new id");
    }

    @Test
    void aPropertyTheApplicationSetIsKept() {
        JMSContext context = (JMSContext) senders.wrap(fake(JMSContext.class));
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1")) {
            context.createProducer().setProperty("telemetry_request_id", "own").send(null, "body");
        }
        assertEquals("own", producerProperties.get("telemetry_request_id"));
    }

    @Test
    void theClassicApiWritesIntoTheMessageSent() throws Exception {
        ConnectionFactory factory = (ConnectionFactory) senders.wrap(fake(ConnectionFactory.class));
        FakeMessage message = new FakeMessage();
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1")) {
            Connection connection = factory.createConnection();
            assertInstanceOf(QueueConnection.class, connection, "every JMS interface of the provider's object");
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(null);
            producer.send(message.message());
        }
        assertEquals(Map.of("telemetry_request_id", "req-1"), message.properties);
        assertTrue(calls.contains("send"), calls.toString());
    }

    @Test
    void nothingIsWrittenWhileTheModuleDoesNotRunAndTheProvidersExceptionsPassUnchanged() throws Exception {
        running = Running.OFF;
        MessageProducer producer = (MessageProducer) senders.wrap(fake(MessageProducer.class));
        FakeMessage message = new FakeMessage();
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1")) {
            producer.send(message.message());
        }
        assertTrue(message.properties.isEmpty());
        assertThrows(jakarta.jms.JMSException.class, producer::close);
    }

    @Test
    void otherObjectsAndWrappersAreReturnedAsTheyAre() {
        Object plain = "not JMS";
        assertSame(plain, senders.wrap(plain));
        Object wrapped = senders.wrap(fake(JMSContext.class));
        assertSame(wrapped, senders.wrap(wrapped));
        assertNotSame(wrapped, senders.wrap(fake(JMSContext.class)));
        assertEquals(wrapped, wrapped);
    }

    /** A provider object: returns fakes of JMS types, records calls, keeps a producer's properties. */
    private Object fake(Class<?> type) {
        Class<?>[] interfaces = type == Connection.class ? new Class<?>[] {QueueConnection.class} : new Class<?>[] {type};
        return Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, (proxy, method, args) -> {
            calls.add(method.getName());
            switch (method.getName()) {
                case "setProperty":
                    producerProperties.put((String) args[0], args[1]);
                    return proxy;
                case "propertyExists":
                    return producerProperties.containsKey((String) args[0]);
                case "close":
                    throw new jakarta.jms.JMSException("closed by the provider");
                case "toString":
                    return "fake " + type.getSimpleName();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    break;
            }
            Class<?> returned = method.getReturnType();
            if (returned == Connection.class || returned == Session.class || returned == MessageProducer.class
                    || returned == JMSProducer.class || returned == JMSContext.class) {
                return fake(returned);
            }
            if (returned == Message.class) {
                return new FakeMessage().message();
            }
            return returned == boolean.class ? false : null;
        });
    }
}
