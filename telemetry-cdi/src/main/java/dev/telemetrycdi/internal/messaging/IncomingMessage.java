package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.jms.Destination;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What one delivered message says about itself, read once and validated: the context it is processed in
 * ({@code request.id} and {@code user.id} of its sender if acceptable, and the messaging semantic-convention
 * fields), the W3C trace context it carries, and the values that were ignored, with the reason. Nothing here
 * throws: a value the provider cannot give is ignored like a malformed one.
 *
 * <p>Internal API: may change without notice. Not thread-safe; read and used on the delivering thread.
 */
final class IncomingMessage {
    static final String SYSTEM = "jms";
    static final String OPERATION = "process";
    static final String CORRELATION_ID = "JMSCorrelationID";

    private final Message message;
    private final List<Ignored> ignored = new ArrayList<>(2);
    private final Fields context;
    private final String destination;
    private final String traceparent;
    private final String tracestate;

    /** A property (or header) value that was not used, and why; the value itself is never kept. */
    record Ignored(String property, String reason) {
    }

    private IncomingMessage(Message message) {
        this.message = message;
        this.destination = destinationName();
        Fields.Builder fields = Fields.builder(7);
        put(fields, FieldNames.REQUEST_ID, MessageProperties.REQUEST_ID, PropertyValues::checkRequestId);
        put(fields, FieldNames.USER_ID, MessageProperties.USER_ID, PropertyValues::checkUserId);
        fields.put(FieldNames.MESSAGING_SYSTEM, SYSTEM).put(FieldNames.MESSAGING_OPERATION_TYPE, OPERATION);
        if (destination != null) {
            fields.put(FieldNames.MESSAGING_DESTINATION_NAME, destination);
        }
        String id = header(Message::getJMSMessageID);
        if (id != null && PropertyValues.checkPrintable(id, PropertyValues.MAX_TEXT) == null) {
            fields.put(FieldNames.MESSAGING_MESSAGE_ID, id);
        }
        String correlation = accepted(CORRELATION_ID, header(Message::getJMSCorrelationID),
                value -> PropertyValues.checkPrintable(value, PropertyValues.MAX_TEXT));
        if (correlation != null) {
            fields.put(FieldNames.MESSAGING_CONVERSATION_ID, correlation);
        }
        this.context = fields.build();
        this.traceparent = accepted(MessageProperties.TRACEPARENT, property(MessageProperties.TRACEPARENT),
                PropertyValues::checkTraceparent);
        this.tracestate = traceparent == null ? null : accepted(MessageProperties.TRACESTATE,
                property(MessageProperties.TRACESTATE), PropertyValues::checkTracestate);
    }

    static IncomingMessage read(Message message) {
        return new IncomingMessage(message);
    }

    /** The context to process the message in: it replaces the thread's context for the call. */
    Fields context() {
        return context;
    }

    /** The queue or topic name, or null. */
    String destination() {
        return destination;
    }

    /** The accepted trace context by property name, for the propagator; null when absent or ignored. */
    Function<String, String> traceCarrier() {
        return name -> MessageProperties.TRACEPARENT.equals(name) ? traceparent
                : MessageProperties.TRACESTATE.equals(name) ? tracestate : null;
    }

    List<Ignored> ignored() {
        return ignored;
    }

    private void put(Fields.Builder fields, String field, String property, Function<String, String> check) {
        String value = accepted(property, property(property), check);
        if (value != null) {
            fields.put(field, value);
        }
    }

    /** {@code value} if present and acceptable; otherwise null, noting why if it was present. */
    private String accepted(String property, String value, Function<String, String> check) {
        if (value == null) {
            return null;
        }
        String problem = check.apply(value);
        if (problem != null) {
            ignored.add(new Ignored(property, problem));
            return null;
        }
        return value;
    }

    private String property(String name) {
        try {
            return message.getStringProperty(name);
        } catch (Exception | LinkageError e) {
            ignored.add(new Ignored(name, "unreadable (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
    }

    private String header(Header header) {
        try {
            return header.read(message);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private String destinationName() {
        try {
            Destination target = message.getJMSDestination();
            String name = target instanceof Queue ? ((Queue) target).getQueueName()
                    : target instanceof Topic ? ((Topic) target).getTopicName() : null;
            return name != null && PropertyValues.checkPrintable(name, PropertyValues.MAX_TEXT) == null ? name : null;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface Header {
        String read(Message message) throws Exception;
    }
}
