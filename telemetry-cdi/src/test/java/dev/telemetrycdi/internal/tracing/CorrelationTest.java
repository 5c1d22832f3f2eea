package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.logging.CapturedLines;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CorrelationTest {
    private static final Fields TRACE = TraceFields.of("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "01");

    /** A span access that answers with a fixed current span (or none). */
    static final class FixedSpan implements SpanAccess {
        final List<Fields> annotated = new ArrayList<>();
        private final Fields current;

        FixedSpan(Fields current) {
            this.current = current;
        }

        @Override
        public Fields correlation() {
            return current;
        }

        @Override
        public void annotate(Fields fields) {
            annotated.add(fields);
        }
    }

    private static LogEvent line(Fields context) {
        return new LogEvent(1L, LogLevel.INFO, "l", "e", context, Fields.EMPTY, null);
    }

    @Test
    void aLineInsideASpanCarriesItsIds() {
        CapturedLines next = new CapturedLines(LogLevel.TRACE);
        new CorrelatingPipeline(next, new FixedSpan(TRACE)).publish(line(Fields.of("request.id", "r1")));
        assertEquals(Map.of("request.id", "r1", "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736",
                "span_id", "00f067aa0ba902b7", "trace_flags", "01"), next.events.get(0).context().toMap());
    }

    @Test
    void aLineOutsideAnySpanIsHandedOnUnchanged() {
        CapturedLines next = new CapturedLines(LogLevel.TRACE);
        LogEvent event = line(Fields.of("request.id", "r1"));
        new CorrelatingPipeline(next, new FixedSpan(Fields.EMPTY)).publish(event);
        assertSame(event, next.events.get(0));
    }

    @Test
    void aLineThatAlreadyHasATraceKeepsIt() {
        CapturedLines next = new CapturedLines(LogLevel.TRACE);
        LogEvent event = line(Fields.of("trace_id", "given"));
        new CorrelatingPipeline(next, new FixedSpan(TRACE)).publish(event);
        assertSame(event, next.events.get(0));
    }

    @Test
    void withoutOpenTelemetryNothingIsAdded() {
        assertEquals(Fields.EMPTY, SpanAccess.NONE.correlation());
    }
}
