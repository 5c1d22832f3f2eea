package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.jms.MessageFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageDeliveryTest {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Fields MESSAGING = Fields.of("messaging.system", "jms", "messaging.operation.type", "process",
            "messaging.destination.name", "MatchEvents", "messaging.message.id", "ID:fake-1");

    private final CapturedLines lines = new CapturedLines(LogLevel.TRACE).activate();
    private final FakeMessage fake = new FakeMessage();

    @AfterEach
    void release() {
        lines.close();
        assertTrue(ContextStorage.current().isEmpty(), "no context left on the thread");
    }

    @Test
    void theMessagesContextReplacesTheThreadsForTheCallAndIsRestoredAfter() throws Exception {
        fake.with("telemetry_request_id", "req-7").with("telemetry_user_id", "alice").correlationId = "conv-1";
        AtomicReference<Fields> inside = new AtomicReference<>();
        Fields worker = Fields.of("request.id", "previous", "task.id", "t-1");
        try (ContextStorage.Scope previous = ContextStorage.attach(worker)) {
            Object result = MessageDelivery.process(SpanAccess.NONE, fake.message(), () -> {
                inside.set(ContextStorage.current());
                return "done";
            });
            assertEquals("done", result);
            assertSame(worker, ContextStorage.current(), "the worker's context is back");
        }
        Fields expected = Fields.of("request.id", "req-7", "user.id", "alice").withAll(MESSAGING)
                .with("messaging.message.conversation_id", "conv-1");
        assertEquals(expected.toMap(), inside.get().toMap(), "replaced, not merged: no task.id");
        assertEquals(List.of("message_received", "message_processed"), events());
        for (LogEvent line : lines.events) {
            assertEquals("dev.telemetrycdi.messaging", line.logger());
            assertEquals(expected.toMap(), line.context().toMap());
        }
        LogEvent processed = lines.named("message_processed").get(0);
        assertEquals(LogLevel.INFO, processed.level());
        assertTrue((Double) processed.fields().get("duration_ms") >= 0.0);
    }

    @Test
    void aMessageWithoutPropertiesHasOnlyTheMessagingFields() throws Exception {
        AtomicReference<Fields> inside = new AtomicReference<>();
        MessageDelivery.process(SpanAccess.NONE, fake.message(), () -> {
            inside.set(ContextStorage.current());
            return null;
        });
        assertEquals(MESSAGING.toMap(), inside.get().toMap());
        assertEquals(List.of("message_received", "message_processed"), events());
    }

    @Test
    void hostileValuesAreIgnoredWithOneNoteEachThatNeverEchoesThem() throws Exception {
        fake.with("telemetry_request_id", "evil\r\n{\"event\":\"forged\"}")
                .with("telemetry_user_id", "x".repeat(10_240))
                .with("traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")
                .correlationId = "conv\nforged";
        AtomicReference<Fields> inside = new AtomicReference<>();
        MessageDelivery.process(SpanAccess.NONE, fake.message(), () -> {
            inside.set(ContextStorage.current());
            return null;
        });
        assertEquals(MESSAGING.toMap(), inside.get().toMap());
        List<LogEvent> notes = lines.named("message_property_ignored");
        assertEquals(Map.of(
                "telemetry_request_id", "not 1-128 characters of A-Z a-z 0-9 . _ : + / = @ -",
                "telemetry_user_id", "empty or longer than 128 characters",
                "JMSCorrelationID", "contains control or unprintable characters",
                "traceparent", "not a W3C traceparent"), reasons(notes));
        for (LogEvent note : notes) {
            assertEquals(LogLevel.WARNING, note.level());
            assertEquals(MESSAGING.toMap(), note.context().toMap());
        }
        String everything = lines.events.toString();
        assertFalse(everything.contains("forged") || everything.contains("xxxx"), everything);
        assertEquals(List.of("message_property_ignored", "message_property_ignored", "message_property_ignored",
                "message_property_ignored", "message_received", "message_processed"), events());
    }

    @Test
    void aPropertyTheProviderCannotReadIsIgnoredAndProcessingGoesOn() throws Exception {
        fake.with("telemetry_user_id", "alice");
        fake.unreadable.put("telemetry_request_id", new RuntimeException(new MessageFormatException("no string")));
        fake.unreadable.put("traceparent", new IllegalStateException("provider bug"));
        AtomicReference<Fields> inside = new AtomicReference<>();
        MessageDelivery.process(SpanAccess.NONE, fake.message(), () -> {
            inside.set(ContextStorage.current());
            return null;
        });
        assertEquals("alice", inside.get().get("user.id"));
        assertEquals(Map.of("telemetry_request_id", "unreadable (RuntimeException)",
                "traceparent", "unreadable (IllegalStateException)"), reasons(lines.named("message_property_ignored")));
    }

    @Test
    void headersTheProviderCannotGiveAreLeftOut() throws Exception {
        fake.headersFail = true;
        RecordingSpans spans = new RecordingSpans();
        MessageDelivery.process(spans, fake.message(), () -> null);
        assertEquals(Map.of("messaging.system", "jms", "messaging.operation.type", "process"),
                lines.named("message_received").get(0).context().toMap());
        assertEquals("process", spans.opened.get(0).name);
    }

    @Test
    void aFailureIsLoggedOnceAndRethrownUnchanged() {
        fake.with("telemetry_request_id", "req-fail");
        IllegalStateException failure = new IllegalStateException("cannot apply");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> MessageDelivery.process(SpanAccess.NONE, fake.message(), () -> {
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertEquals(List.of("message_received", "message_failed"), events());
        LogEvent failed = lines.named("message_failed").get(0);
        assertEquals(LogLevel.ERROR, failed.level());
        assertSame(failure, failed.thrown());
        assertEquals("req-fail", failed.context().get("request.id"));
        assertTrue((Double) failed.fields().get("duration_ms") >= 0.0);
    }

    @Test
    void aCheckedExceptionAndAnErrorAreRethrownUnchangedToo() {
        IOException checked = new IOException("checked");
        assertSame(checked, assertThrows(IOException.class,
                () -> MessageDelivery.process(SpanAccess.NONE, fake.message(), () -> {
                    throw checked;
                })));
        AssertionError error = new AssertionError("error");
        assertSame(error, assertThrows(AssertionError.class,
                () -> MessageDelivery.process(SpanAccess.NONE, fake.message(), () -> {
                    throw error;
                })));
        assertEquals(2, lines.named("message_failed").size());
    }

    @Test
    void withTracingAConsumerSpanContinuesTheSendersTraceDuringTheCall() throws Exception {
        fake.with("telemetry_request_id", "req-t").with("traceparent", TRACEPARENT).with("tracestate", "dtx=1");
        RecordingSpans spans = new RecordingSpans();
        AtomicReference<Boolean> openDuringCall = new AtomicReference<>();
        MessageDelivery.process(spans, fake.message(), () -> {
            openDuringCall.set(!spans.opened.get(0).closed);
            return null;
        });
        RecordingSpans.Opened span = spans.opened.get(0);
        assertEquals(TRACEPARENT + "|dtx=1", span.parent);
        assertEquals("process MatchEvents", span.name);
        assertEquals(SpanAccess.Kind.CONSUMER, span.kind);
        assertEquals("req-t", span.attributes.get("request.id"));
        assertEquals("jms", span.attributes.get("messaging.system"));
        assertTrue(openDuringCall.get());
        assertTrue(span.closed);
    }

    @Test
    void anInvalidTraceparentIsNotGivenToThePropagatorNorItsTracestate() throws Exception {
        fake.with("traceparent", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01").with("tracestate", "a=b");
        RecordingSpans spans = new RecordingSpans();
        assertThrows(IllegalStateException.class, () -> MessageDelivery.process(spans, fake.message(), () -> {
            throw new IllegalStateException("still ends the span");
        }));
        assertEquals("null|null", spans.opened.get(0).parent);
        assertTrue(spans.opened.get(0).closed);
    }

    @Test
    void somethingOtherThanAMessageRunsAsItIs() throws Exception {
        assertEquals("plain", MessageDelivery.process(new RecordingSpans(), "not a message", () -> "plain"));
        assertTrue(lines.events.isEmpty());
    }

    private List<String> events() {
        return lines.events.stream().map(LogEvent::event).toList();
    }

    private static Map<String, Object> reasons(List<LogEvent> notes) {
        Map<String, Object> reasons = new java.util.HashMap<>();
        for (LogEvent note : notes) {
            assertNull(reasons.put((String) note.fields().get("message.property"), note.fields().get("reason")));
        }
        return reasons;
    }
}
