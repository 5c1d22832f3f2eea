package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.internal.cdi.Capability;
import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes the application's JMS objects send the current context along: a connection factory, connection, session,
 * {@code JMSContext}, message producer or {@code JMSProducer} is returned as a {@link Proxy} over the JMS interfaces
 * it implements ({@link SendHandler}), and so is every such object obtained from it; anything else is returned as it
 * is. The module's runtime is resolved at the first send, from the application's bean manager.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class Senders {
    private static final Class<?>[] WRAPPED = {ConnectionFactory.class, Connection.class, Session.class,
        JMSContext.class, MessageProducer.class, JMSProducer.class};
    private static final String JMS_PACKAGE = "jakarta.jms.";

    private final Supplier<Running> running;
    private volatile Running resolved;

    Senders(BeanManager beans) {
        this(() -> beans.createInstance().select(Running.class).get());
    }

    /** @param running the running module, asked once, at the first send (the extension makes this before start) */
    Senders(Supplier<Running> running) {
        this.running = running;
    }

    /** {@code value} as a sender of the context, or as it is (null, not a JMS sending object, already wrapped). */
    Object wrap(Object value) {
        if (value == null || (Proxy.isProxyClass(value.getClass())
                && Proxy.getInvocationHandler(value) instanceof SendHandler) || !isWrapped(value)) {
            return value;
        }
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            addJmsInterfaces(c, interfaces);
        }
        if (interfaces.isEmpty()) {
            return value;
        }
        return Proxy.newProxyInstance(Senders.class.getClassLoader(), interfaces.toArray(new Class<?>[0]),
                new SendHandler(value, this));
    }

    /** Where spans and trace context go now: none while the module does not run or has no tracing. */
    SpanAccess spans() {
        return running().spans();
    }

    /** Whether the module runs with its JMS part on. */
    boolean isActive() {
        return running().has(Capability.JMS);
    }

    private Running running() {
        Running current = resolved;
        if (current == null) {
            try {
                current = running.get();
                resolved = current;
            } catch (RuntimeException | LinkageError e) {
                return Running.OFF; // the application is not (or no longer) running: send as it is
            }
        }
        return current;
    }

    private static boolean isWrapped(Object value) {
        for (Class<?> type : WRAPPED) {
            if (type.isInstance(value)) {
                return true;
            }
        }
        return false;
    }

    /** The public {@code jakarta.jms} interfaces of {@code type}, as the module's class loader sees them. */
    private static void addJmsInterfaces(Class<?> type, Set<Class<?>> interfaces) {
        for (Class<?> candidate : type.getInterfaces()) {
            if (candidate.getName().startsWith(JMS_PACKAGE) && visible(candidate)) {
                interfaces.add(candidate);
            }
            addJmsInterfaces(candidate, interfaces);
        }
    }

    private static boolean visible(Class<?> type) {
        try {
            return Class.forName(type.getName(), false, Senders.class.getClassLoader()) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
