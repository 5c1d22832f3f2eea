package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.tracing.SpanAccess;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The JMS message properties that carry the sender's context, and their writing. The names are legal JMS
 * identifiers (no dots or dashes): {@code telemetry_request_id}, {@code telemetry_user_id}, and the W3C
 * {@code traceparent} / {@code tracestate}.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
public final class MessageProperties {
    public static final String REQUEST_ID = "telemetry_request_id";
    public static final String USER_ID = "telemetry_user_id";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private MessageProperties() {
    }

    /**
     * Writes the current thread's {@code request.id} and {@code user.id}, and the current trace context through
     * {@code spans}, with {@code setter}; a property for which {@code isSet} is true is left as it is. Never
     * throws: a property that cannot be read or written is skipped.
     */
    public static void write(SpanAccess spans, Predicate<String> isSet, BiConsumer<String, String> setter) {
        write(spans::inject, isSet, setter);
    }

    /** As {@link #write(SpanAccess, Predicate, BiConsumer)}, the trace context's headers given by {@code traceContext}. */
    public static void write(Consumer<BiConsumer<String, String>> traceContext, Predicate<String> isSet,
                             BiConsumer<String, String> setter) {
        Fields context = ContextStorage.current();
        writeText(context.get(FieldNames.REQUEST_ID), REQUEST_ID, isSet, setter);
        writeText(context.get(FieldNames.USER_ID), USER_ID, isSet, setter);
        try {
            traceContext.accept((name, value) -> {
                if (TRACEPARENT.equals(name) || TRACESTATE.equals(name)) {
                    set(name, value, isSet, setter);
                }
            });
        } catch (RuntimeException e) {
            // propagation is best effort
        }
    }

    private static void writeText(Object value, String name, Predicate<String> isSet,
                                  BiConsumer<String, String> setter) {
        if (value instanceof String) {
            set(name, (String) value, isSet, setter);
        }
    }

    private static void set(String name, String value, Predicate<String> isSet, BiConsumer<String, String> setter) {
        try {
            if (!isSet.test(name)) {
                setter.accept(name, value);
            }
        } catch (RuntimeException e) {
            // a read-only message or a provider that refuses the property: the message goes without it
        }
    }
}
