package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.LogEvent;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogRecordMappingTest {
    private static final long MILLIS = 1_768_919_535_123L;
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private final RecordingLogs logs = new RecordingLogs();
    private final OtlpLogRecords records = new OtlpLogRecords(logs, EventNames.NONE);

    private RecordingLogs.Recorded emit(LogEvent event) {
        records.copy(event);
        List<RecordingLogs.Recorded> emitted = logs.emitted();
        return emitted.get(emitted.size() - 1);
    }

    @Test
    void aRequestLineBecomesOneRecordWithTypedAttributesInTheSpanItWasWrittenIn() {
        Fields context = Fields.of("request.id", "r-1", "user.id", "alice", "labels", List.of("order"),
                "trace_id", TRACE, "span_id", SPAN, "trace_flags", "01");
        Fields fields = Fields.of("http.response.status_code", 200, "duration_ms", 5.5, "order.id", 7L,
                "cached", true, "note", new StringBuilder("text"), "absent", null);
        RecordingLogs.Recorded record = emit(new LogEvent(MILLIS, LogLevel.INFO, "dev.telemetrycdi.http",
                "request_completed", context, fields, null));

        assertEquals("dev.telemetrycdi.http", record.scope);
        assertEquals(TimeUnit.MILLISECONDS.toNanos(MILLIS), record.epochNanos);
        assertEquals(Severity.INFO, record.severity);
        assertEquals("info", record.severityText);
        assertEquals("request_completed", record.body);
        SpanContext span = Span.fromContext(record.context).getSpanContext();
        assertEquals(TRACE, span.getTraceId());
        assertEquals(SPAN, span.getSpanId());
        assertTrue(span.isSampled());
        assertEquals(Map.of("request.id", "r-1", "user.id", "alice", "labels", List.of("order"),
                "http.response.status_code", 200L, "duration_ms", 5.5, "order.id", 7L, "cached", true,
                "note", "text"), record.attributes, "no trace fields, no null");
        assertEquals(AttributeType.STRING_ARRAY, record.keys.get("labels").getType());
        assertEquals(AttributeType.LONG, record.keys.get("http.response.status_code").getType());
        assertEquals(AttributeType.DOUBLE, record.keys.get("duration_ms").getType());
        assertEquals(AttributeType.BOOLEAN, record.keys.get("cached").getType());
    }

    @Test
    void everyLevelHasItsSeverityAndItsOwnNameAsText() {
        Map<LogLevel, Severity> expected = Map.of(LogLevel.TRACE, Severity.TRACE, LogLevel.DEBUG, Severity.DEBUG,
                LogLevel.INFO, Severity.INFO, LogLevel.WARNING, Severity.WARN, LogLevel.ERROR, Severity.ERROR,
                LogLevel.CRITICAL, Severity.FATAL);
        for (LogLevel level : LogLevel.values()) {
            RecordingLogs.Recorded record = emit(new LogEvent(MILLIS, level, "l", "e", null, null, null));
            assertEquals(expected.get(level), record.severity, level.name());
            assertEquals(level.label(), record.severityText);
        }
        assertEquals(Severity.INFO, emit(new LogEvent(MILLIS, null, "l", "e", null, null, null)).severity);
    }

    @Test
    void anExceptionGivesTheSemanticConventionsAttributes() {
        IllegalStateException thrown = new IllegalStateException("parcel 9 lost");
        RecordingLogs.Recorded record = emit(new LogEvent(MILLIS, LogLevel.ERROR, "com.acme.Parcels",
                "request_failed", Fields.EMPTY, Fields.of("exception.type", "shadowed"), thrown));
        assertEquals("java.lang.IllegalStateException", record.attributes.get("exception.type"));
        assertEquals("parcel 9 lost", record.attributes.get("exception.message"));
        String stack = (String) record.attributes.get("exception.stacktrace");
        assertTrue(stack.startsWith("java.lang.IllegalStateException: parcel 9 lost"), stack);
        assertTrue(stack.contains("LogRecordMappingTest"), stack);
        assertEquals("shadowed", record.attributes.get("fields.exception.type"), "renamed as on the line");

        RecordingLogs.Recorded noMessage = emit(new LogEvent(MILLIS, LogLevel.ERROR, "l", "e", null, null,
                new NullPointerException()));
        assertFalse(noMessage.attributes.containsKey("exception.message"));
    }

    @Test
    void theEventsOwnFieldsWinAndMixedListsBecomeTheirJsonText() {
        RecordingLogs.Recorded record = emit(new LogEvent(MILLIS, LogLevel.INFO, "l", "e",
                Fields.of("team", "red", "ids", List.of(1, 2L)),
                Fields.of("team", "blue", "mixed", List.of("a", 1, true), "ratios", new double[] {0.5, 1.0},
                        "flags", List.of(true, false), "nested", List.of(List.of("x"))), null));
        assertEquals("blue", record.attributes.get("team"));
        assertEquals(List.of(1L, 2L), record.attributes.get("ids"));
        assertEquals("[\"a\",1,true]", record.attributes.get("mixed"));
        assertEquals(List.of(0.5, 1.0), record.attributes.get("ratios"));
        assertEquals(List.of(true, false), record.attributes.get("flags"));
        assertEquals("[[\"x\"]]", record.attributes.get("nested"));
    }

    @Test
    void everyKindOfListOrArrayKeepsItsElementsAndTypes() {
        List<String> mutable = new java.util.ArrayList<>(List.of("x", "y"));
        RecordingLogs.Recorded record = emit(new LogEvent(MILLIS, LogLevel.INFO, "l", "e", null,
                Fields.of("mutable", mutable, "set", new java.util.TreeSet<>(List.of(3, 1)), "ints", new int[] {4, 5},
                        "strings", new String[] {"a", "b"}, "empty", List.of(), "withNull", java.util.Arrays.asList("a", null),
                        "floats", List.of(0.5f, 2.0), "longAndDouble", List.of(1L, 0.5)), null));
        assertEquals(List.of("x", "y"), record.attributes.get("mutable"));
        mutable.add("z");
        assertEquals(List.of("x", "y"), record.attributes.get("mutable"), "the record keeps the values it was given");
        assertEquals(List.of(1L, 3L), record.attributes.get("set"));
        assertEquals(List.of(4L, 5L), record.attributes.get("ints"));
        assertEquals(List.of("a", "b"), record.attributes.get("strings"));
        assertEquals(List.of(), record.attributes.get("empty"));
        assertEquals("[\"a\",null]", record.attributes.get("withNull"));
        assertEquals(List.of(0.5, 2.0), record.attributes.get("floats"));
        assertEquals("[1,0.5]", record.attributes.get("longAndDouble"));
    }

    @Test
    void aCollectionThatFailsWhileReadIsUnprintableAndTheRestOfTheLineStays() {
        List<String> failing = new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                throw new IllegalStateException("changed while read");
            }

            @Override
            public int size() {
                return 2;
            }
        };
        RecordingLogs.Recorded record = emit(new LogEvent(MILLIS, LogLevel.INFO, "l", "e", null,
                Fields.of("failing", failing, "team", "red"), null));
        assertEquals(dev.telemetrycdi.internal.logging.SafeText.UNPRINTABLE, record.attributes.get("failing"));
        assertEquals("red", record.attributes.get("team"));
    }

    @Test
    void aLineOutsideAnySpanHasTheEmptyContextNotTheWritersOne() {
        SpanContext writers = SpanContext.create(TRACE, SPAN, io.opentelemetry.api.trace.TraceFlags.getSampled(),
                io.opentelemetry.api.trace.TraceState.getDefault());
        try (Scope ignored = Context.root().with(Span.wrap(writers)).makeCurrent()) {
            RecordingLogs.Recorded record = emit(new LogEvent(MILLIS, LogLevel.INFO, "l", "e", null, null, null));
            assertFalse(Span.fromContext(record.context).getSpanContext().isValid());
            RecordingLogs.Recorded invalid = emit(new LogEvent(MILLIS, LogLevel.INFO, "l", "e",
                    Fields.of("trace_id", "not-hex", "span_id", SPAN), null, null));
            assertFalse(Span.fromContext(invalid.context).getSpanContext().isValid());
            assertFalse(invalid.attributes.containsKey("trace_id"));
        }
    }

    @Test
    void theLoggerNameIsTheScopeAndTheExportersOwnLinesAreNotEmitted() {
        records.copy(new LogEvent(MILLIS, LogLevel.INFO, null, "no logger", null, null, null));
        records.copy(new LogEvent(MILLIS, LogLevel.WARNING, "io.opentelemetry.exporter.internal.http.HttpExporter",
                "Failed to export logs", null, null, null));
        records.copy(new LogEvent(MILLIS, LogLevel.INFO, "com.acme", "a", null, null, null));
        records.copy(new LogEvent(MILLIS, LogLevel.INFO, "com.acme", "b", null, null, null));
        assertEquals(List.of(OtlpLogRecords.DEFAULT_SCOPE, "com.acme", "com.acme"),
                logs.emitted().stream().map(r -> r.scope).toList());
        assertEquals(List.of(OtlpLogRecords.DEFAULT_SCOPE, "com.acme"), logs.scopesBuilt, "one logger per scope");
    }

    @Test
    void aFailingProviderLosesOnlyTheRecord() {
        OtlpLogRecords broken = new OtlpLogRecords(scope -> {
            throw new IllegalStateException("shut down");
        }, EventNames.NONE);
        broken.copy(new LogEvent(MILLIS, LogLevel.INFO, "l", "e", null, null, null));
        broken.copy(new LogEvent(MILLIS, LogLevel.INFO, "l", "e", null, null, null));
    }

    @Test
    void onlyANameBecomesAnEventName() {
        assertTrue(EventNames.isName("request_completed"));
        assertTrue(EventNames.isName("parcel.weighed"));
        assertFalse(EventNames.isName("Reading item 7"));
        assertFalse(EventNames.isName(""));
        assertFalse(EventNames.isName("x".repeat(129)));
        assertFalse(EventNames.of(LogRecordMappingTest.class.getClassLoader()).available(),
                "no incubator on this class path");
    }
}
