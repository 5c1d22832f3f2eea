package dev.telemetrycdi.internal.messaging;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an application class through which it sends JMS messages: instance fields of type
 * {@code JMSContext} or a {@code ConnectionFactory} (also {@code QueueConnectionFactory} and
 * {@code TopicConnectionFactory}) that the container injects ({@code @Inject} or {@code @Resource}).
 *
 * <p>Internal API: may change without notice. Immutable after {@link #of}; thread-safe.
 */
final class SenderFields {
    private static final String INJECT = "jakarta.inject.Inject";
    private static final String RESOURCE = "jakarta.annotation.Resource";

    private final List<Field> fields;

    private SenderFields(List<Field> fields) {
        this.fields = fields;
    }

    /** The sender fields of {@code type} and its superclasses; none when they cannot be read. */
    static SenderFields of(Class<?> type) {
        List<Field> found = new ArrayList<>(1);
        try {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (isSender(field)) {
                        field.setAccessible(true);
                        found.add(field);
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            found.clear(); // a class the module cannot read is left as it is
        }
        return new SenderFields(List.copyOf(found));
    }

    private static boolean isSender(Field field) {
        int modifiers = field.getModifiers();
        Class<?> type = field.getType();
        if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)
                || !(type == JMSContext.class || ConnectionFactory.class.isAssignableFrom(type)) || !type.isInterface()) {
            return false;
        }
        for (var annotation : field.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (INJECT.equals(name) || RESOURCE.equals(name)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Replaces each field's value in {@code instance} by what {@code senders} makes of it; never throws. */
    void wrap(Object instance, Senders senders) {
        for (Field field : fields) {
            try {
                Object value = field.get(instance);
                Object wrapped = senders.wrap(value);
                if (wrapped != value) {
                    field.set(instance, wrapped);
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // the field keeps the container's object: messages go without the context
            }
        }
    }
}
