package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.ContextScope;
import dev.telemetrycdi.TelemetryContext;
import dev.telemetrycdi.TelemetryMessages;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryMessagesTest {

    @Test
    void carryWritesTheRequestAndUserButNoTraceWithoutARuntime() {
        FakeMessage fake = new FakeMessage();
        Message message = fake.message();
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1", "user.id", "alice", "match.id", 7)) {
            assertSame(message, TelemetryMessages.carry(message));
        }
        assertEquals(Map.of("telemetry_request_id", "req-1", "telemetry_user_id", "alice"), fake.properties);
    }

    @Test
    void propertiesTheMessageAlreadyHasAreKept() {
        FakeMessage fake = new FakeMessage().with("telemetry_request_id", "own");
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1")) {
            TelemetryMessages.carry(fake.message());
        }
        assertEquals(Map.of("telemetry_request_id", "own"), fake.properties);
    }

    @Test
    void aReadOnlyMessageOrNothingToCarryIsNoProblem() {
        FakeMessage fake = new FakeMessage();
        fake.readOnly = true;
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1")) {
            assertDoesNotThrow(() -> TelemetryMessages.carry(fake.message()));
        }
        assertTrue(fake.properties.isEmpty());
        assertNull(TelemetryMessages.carry((Message) null));
        FakeMessage empty = new FakeMessage();
        TelemetryMessages.carry(empty.message());
        assertTrue(empty.properties.isEmpty(), "no context, no properties");
    }

    @Test
    void withTracingTheW3cContextIsWrittenAndNothingElseOfThePropagator() {
        Map<String, String> written = new HashMap<>();
        RecordingSpans spans = new RecordingSpans();
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1")) {
            MessageProperties.write(spans, written::containsKey, written::put);
        }
        assertEquals(Map.of("telemetry_request_id", "req-1", "traceparent", spans.injectTraceparent), written);
    }

    @Test
    void aSetterThatThrowsSkipsOnlyThatProperty() {
        Map<String, String> written = new HashMap<>();
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1", "user.id", "alice")) {
            MessageProperties.write(new RecordingSpans(), name -> false, (name, value) -> {
                if (name.equals("telemetry_request_id")) {
                    throw new IllegalStateException("refused");
                }
                written.put(name, value);
            });
        }
        assertEquals(Map.of("telemetry_user_id", "alice", "traceparent",
                new RecordingSpans().injectTraceparent), written);
    }

    @Test
    void aListenerIsNotWrappedWithoutARuntimeOrTwice() {
        MessageListener listener = message -> { };
        assertSame(listener, TelemetryMessages.listener(listener), "no CDI here: as it is");
        assertNull(TelemetryMessages.listener(null));
    }
}
