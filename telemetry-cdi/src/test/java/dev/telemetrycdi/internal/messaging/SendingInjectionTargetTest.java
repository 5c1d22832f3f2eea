package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.internal.cdi.Capabilities;
import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueConnectionFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendingInjectionTargetTest {
    private final Senders senders = new Senders(() -> Running.on(null, Capabilities.ALL, SpanAccess.NONE));

    static class Base {
        @Resource
        ConnectionFactory inherited;
    }

    /** A sender as teams write it. */
    static class Sender extends Base {
        @Inject
        JMSContext context;

        @Resource
        private QueueConnectionFactory queues;

        ConnectionFactory notInjected;

        static ConnectionFactory shared;
    }

    static class Plain {
        @Inject
        String name;
    }

    @Test
    void theInjectedJmsFieldsAreWrappedAfterInjectionAndAgainBeforePostConstruct() {
        assertFalse(SenderFields.of(Sender.class).isEmpty());
        assertTrue(SenderFields.of(Plain.class).isEmpty(), "a class without JMS fields keeps the container's target");
        List<String> calls = new ArrayList<>();
        Sender sender = new Sender();
        InjectionTarget<Sender> target = new SendingInjectionTarget<>(container(calls, instance -> {
            instance.context = fake(JMSContext.class);
            instance.inherited = fake(ConnectionFactory.class);
            instance.notInjected = fake(ConnectionFactory.class);
        }), SenderFields.of(Sender.class), senders);

        target.inject(sender, null);
        assertTrue(isWrapped(sender.context), "@Inject JMSContext");
        assertTrue(isWrapped(sender.inherited), "@Resource in a superclass");
        assertFalse(isWrapped(sender.notInjected), "a field the container does not inject");
        JMSContext wrapped = sender.context;

        sender.queues = (QueueConnectionFactory) fake(QueueConnectionFactory.class); // a container injecting it later
        target.postConstruct(sender);
        assertTrue(isWrapped(sender.queues), "set after CDI's injection, before @PostConstruct");
        assertSame(wrapped, sender.context, "never wrapped twice");
        assertEquals(List.of("inject", "postConstruct"), calls);
    }

    private static boolean isWrapped(Object value) {
        return value != null && Proxy.isProxyClass(value.getClass())
                && Proxy.getInvocationHandler(value) instanceof SendHandler;
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type) {
        return (T) Proxy.newProxyInstance(SendingInjectionTargetTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> null);
    }

    private static InjectionTarget<Sender> container(List<String> calls, java.util.function.Consumer<Sender> inject) {
        return new InjectionTarget<>() {
            @Override
            public void inject(Sender instance, CreationalContext<Sender> context) {
                calls.add("inject");
                inject.accept(instance);
            }

            @Override
            public void postConstruct(Sender instance) {
                calls.add("postConstruct");
            }

            @Override
            public void preDestroy(Sender instance) {
                calls.add("preDestroy");
            }

            @Override
            public Sender produce(CreationalContext<Sender> context) {
                return new Sender();
            }

            @Override
            public void dispose(Sender instance) {
            }

            @Override
            public Set<InjectionPoint> getInjectionPoints() {
                return Set.of();
            }
        };
    }
}
