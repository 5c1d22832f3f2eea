package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.Emitter;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.work.WorkKind;
import dev.telemetrycdi.internal.work.WorkScope;
import jakarta.jms.Message;

/**
 * The telemetry around one delivery of a message to a listener: the thread's context replaced by the message's for
 * the call and restored afterwards on every path; with tracing, a consumer span {@code process <destination>}
 * continuing the sender's trace, current during the call; the lines {@code message_property_ignored} (one per
 * ignored value), {@code message_received}, then {@code message_processed} or {@code message_failed}. The
 * listener's exception is rethrown unchanged, so that the container rolls back or redelivers as it would without.
 * The lifecycle is {@link dev.telemetrycdi.internal.work.Work}'s with {@link #KIND}; the ignored properties are the
 * delivery's own.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
public final class MessageDelivery {
    static final String LOGGER = "dev.telemetrycdi.messaging";
    static final String SPAN_PREFIX = "process";
    static final WorkKind KIND = new WorkKind(LOGGER, FieldNames.EVENT_MESSAGE_RECEIVED,
            FieldNames.EVENT_MESSAGE_PROCESSED, FieldNames.EVENT_MESSAGE_FAILED);

    private MessageDelivery() {
    }

    /** A listener call. */
    @FunctionalInterface
    public interface Call<T> {
        T proceed() throws Exception;
    }

    /**
     * Runs {@code call} as the processing of {@code message} (a {@code jakarta.jms.Message}; anything else runs as
     * it is), opening spans through {@code spans} ({@link SpanAccess#NONE} for none).
     */
    public static <T> T process(SpanAccess spans, Object message, Call<T> call) throws Exception {
        IncomingMessage incoming = message instanceof Message ? read((Message) message) : null;
        if (incoming == null) {
            return call.proceed();
        }
        Fields context = incoming.context();
        try (WorkScope scope = WorkScope.bind(context, () -> openSpan(spans, incoming))) {
            for (IncomingMessage.Ignored ignored : incoming.ignored()) {
                Emitter.emitModule(LogLevel.WARNING, LOGGER, FieldNames.EVENT_MESSAGE_PROPERTY_IGNORED, context,
                        Fields.of(FieldNames.MESSAGE_PROPERTY, ignored.property(), FieldNames.REASON,
                                ignored.reason()), null);
            }
            return KIND.start().run(context, call::proceed, null);
        }
    }

    private static IncomingMessage read(Message message) {
        try {
            return IncomingMessage.read(message);
        } catch (RuntimeException | LinkageError e) {
            return null; // the delivery goes on without telemetry
        }
    }

    private static SpanAccess.SpanScope openSpan(SpanAccess spans, IncomingMessage incoming) {
        if (spans == SpanAccess.NONE) {
            return SpanAccess.SpanScope.NONE;
        }
        String name = incoming.destination() == null ? SPAN_PREFIX : SPAN_PREFIX + " " + incoming.destination();
        return spans.openSpan(spans.extract(incoming.traceCarrier()), name, SpanAccess.Kind.CONSUMER,
                incoming.context());
    }
}
