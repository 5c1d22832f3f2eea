package dev.telemetrycdi.internal.logging;

import static dev.telemetrycdi.internal.logging.Events.MILLIS;
import static dev.telemetrycdi.internal.logging.Events.event;
import static dev.telemetrycdi.internal.logging.Events.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class JsonLineFormatTest {

    @Test
    void writesEnvelopeThenContextThenOwnFieldsInOrder() {
        Fields context = Fields.of("request.id", "abc-123", "labels", List.of("tournament"), "tournament.id", 5L);
        String line = json(event("request_completed", context, Fields.of("duration_ms", 45.2)));

        assertEquals(List.of("timestamp", "level", "event", "logger", "request.id", "labels", "tournament.id",
                "duration_ms"), JsonLines.keys(line.trim()));
        JsonObject json = JsonLines.parse(line);
        assertEquals("2026-01-20T14:32:15.123Z", json.getString("timestamp"));
        assertEquals("info", json.getString("level"));
        assertEquals("request_completed", json.getString("event"));
        assertEquals("com.acme.Api", json.getString("logger"));
        assertEquals("abc-123", json.getString("request.id"));
        assertEquals(5, json.getInt("tournament.id"));
        assertEquals(45.2, json.getJsonNumber("duration_ms").doubleValue());
    }

    @Test
    void leavesOutLoggerWhenNullAndWritesLevelLabels() {
        for (LogLevel level : LogLevel.values()) {
            String line = json(new LogEvent(MILLIS, level, null, "e", null, null, null));
            assertEquals(List.of("timestamp", "level", "event"), JsonLines.keys(line.trim()));
            assertEquals(level.label(), JsonLines.parse(line).getString("level"));
        }
        String noLevel = json(new LogEvent(MILLIS, null, null, null, null, null, null));
        assertEquals("info", JsonLines.parse(noLevel).getString("level"));
        assertEquals("", JsonLines.parse(noLevel).getString("event"));
    }

    @Test
    void writesNumbersAsNumbersAndNonFiniteAsStrings() {
        JsonObject json = JsonLines.parse(json(event("e", "long", Long.MIN_VALUE, "int", 42, "short", (short) -3,
                "byte", (byte) 7, "double", 0.1, "float", 1.5f, "tiny", Double.MIN_VALUE, "big", 1e300,
                "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY, "finf", Float.NEGATIVE_INFINITY)));

        assertEquals(Long.MIN_VALUE, json.getJsonNumber("long").longValueExact());
        assertEquals(42, json.getJsonNumber("int").intValueExact());
        assertEquals(-3, json.getJsonNumber("short").intValueExact());
        assertEquals(7, json.getJsonNumber("byte").intValueExact());
        assertEquals(0.1, json.getJsonNumber("double").doubleValue());
        assertEquals(1.5, json.getJsonNumber("float").doubleValue());
        assertEquals(Double.MIN_VALUE, json.getJsonNumber("tiny").doubleValue());
        assertEquals(1e300, json.getJsonNumber("big").doubleValue());
        assertEquals("NaN", json.getString("nan"));
        assertEquals("Infinity", json.getString("inf"));
        assertEquals("-Infinity", json.getString("finf"));
    }

    @Test
    void writesBooleansNullsAndOtherObjects() {
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        Object returnsNull = new Object() {
            @Override
            public String toString() {
                return null;
            }
        };
        JsonObject json = JsonLines.parse(json(event("e", "yes", true, "no", false, "nothing", null,
                "instant", Instant.EPOCH, "throwing", throwing, "returnsNull", returnsNull,
                "decimal", new java.math.BigDecimal("1.50"))));

        assertEquals(JsonValue.TRUE, json.get("yes"));
        assertEquals(JsonValue.FALSE, json.get("no"));
        assertEquals(JsonValue.NULL, json.get("nothing"));
        assertEquals("1970-01-01T00:00:00Z", json.getString("instant"));
        assertEquals("<unprintable>", json.getString("throwing"));
        assertEquals("null", json.getString("returnsNull"));
        assertEquals("1.50", json.getString("decimal"));
    }

    @Test
    void writesListsSetsAndArraysAsArrays() {
        JsonObject json = JsonLines.parse(json(event("e", "labels", List.of("tournament", "draft"),
                "set", new LinkedHashSet<>(List.of(1L, 2L)), "ints", new int[] {3, 4}, "strings", new String[] {"a"},
                "nested", List.of(List.of(1, "x"), List.of()), "mixed", new Object[] {null, true, 2.5, "s"})));

        JsonArray labels = json.getJsonArray("labels");
        assertEquals(List.of("tournament", "draft"), labels.getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(List.of(1L, 2L), json.getJsonArray("set").getValuesAs(JsonNumber::longValue));
        assertEquals(List.of(3L, 4L), json.getJsonArray("ints").getValuesAs(JsonNumber::longValue));
        assertEquals("a", json.getJsonArray("strings").getString(0));
        assertEquals("x", json.getJsonArray("nested").getJsonArray(0).getString(1));
        assertTrue(json.getJsonArray("nested").getJsonArray(1).isEmpty());
        JsonArray mixed = json.getJsonArray("mixed");
        assertEquals(JsonValue.NULL, mixed.get(0));
        assertEquals(JsonValue.TRUE, mixed.get(1));
        assertEquals(2.5, mixed.getJsonNumber(2).doubleValue());
        assertEquals("s", mixed.getString(3));
    }

    @Test
    void survivesSelfContainingAndThrowingCollections() {
        List<Object> cycle = new ArrayList<>();
        cycle.add("x");
        cycle.add(cycle);
        List<Object> throwing = new AbstractList<>() {
            @Override
            public Object get(int index) {
                throw new IllegalStateException("boom");
            }

            @Override
            public int size() {
                return 3;
            }

            @Override
            public Iterator<Object> iterator() {
                throw new java.util.ConcurrentModificationException();
            }
        };
        JsonObject json = JsonLines.parse(json(event("e", "cycle", cycle, "throwing", throwing, "after", 1)));

        JsonArray deepest = json.getJsonArray("cycle");
        for (int depth = 1; depth < JsonValues.MAX_DEPTH; depth++) {
            deepest = deepest.getJsonArray(1);
        }
        assertEquals(JsonValues.TOO_DEEP, deepest.getString(1));
        assertEquals("<unprintable>", json.getString("throwing"));
        assertEquals(1, json.getInt("after"));
    }

    @Test
    void eventFieldWinsOverContextFieldAtItsPositionWithoutDuplicate() {
        Fields context = Fields.of("request.id", "r1", "user.id", 1L, "labels", List.of("a"));
        String line = json(event("e", context, Fields.of("extra", "x", "user.id", 2L)));

        assertEquals(List.of("timestamp", "level", "event", "logger", "request.id", "user.id", "labels", "extra"),
                JsonLines.keys(line.trim()));
        assertEquals(2, JsonLines.parse(line).getInt("user.id"));
    }

    @Test
    void renamesFieldsNamedLikeTheEnvelope() {
        Fields context = Fields.of("level", "ctx-level", "timestamp", "yesterday", "a", 1);
        Fields own = Fields.of("event", "own-event", "logger", "own-logger", "level", "own-level");
        String line = json(event("real", context, own));

        assertEquals(List.of("timestamp", "level", "event", "logger", "fields.level", "fields.timestamp", "a",
                "fields.event", "fields.logger"), JsonLines.keys(line.trim()));
        JsonObject json = JsonLines.parse(line);
        assertEquals("info", json.getString("level"));
        assertEquals("real", json.getString("event"));
        assertEquals("com.acme.Api", json.getString("logger"));
        assertEquals("own-level", json.getString("fields.level"));
        assertEquals("yesterday", json.getString("fields.timestamp"));
        assertEquals("own-event", json.getString("fields.event"));
    }

    @Test
    void dropsARenamedFieldWhoseNewNameIsTaken() {
        String line = json(event("e", Fields.of("level", "a", "fields.level", "b"), Fields.of("fields.level", "c")));

        assertEquals(List.of("timestamp", "level", "event", "logger", "fields.level"), JsonLines.keys(line.trim()));
        assertEquals("c", JsonLines.parse(line).getString("fields.level"));
    }

    @Test
    void skipsNullKeys() {
        Fields withNullKey = Fields.EMPTY.with("a", 1).with(null, "x");
        String line = json(event("e", withNullKey, Fields.of("b", 2)));

        assertEquals(List.of("timestamp", "level", "event", "logger", "a", "b"), JsonLines.keys(line.trim()));
    }

    @Test
    void writesExceptionTypeMessageAndStackTrace() {
        Exception thrown = new IllegalStateException("boom \"quoted\"", new java.io.IOException("disk"));
        String line = json(new LogEvent(MILLIS, LogLevel.ERROR, "l", "request_failed", null,
                Fields.of("exception.type", "shadowed"), thrown));

        assertEquals(List.of("timestamp", "level", "event", "logger", "fields.exception.type", "exception.type",
                "exception.message", "exception.stacktrace"), JsonLines.keys(line.trim()));
        JsonObject json = JsonLines.parse(line);
        assertEquals("java.lang.IllegalStateException", json.getString("exception.type"));
        assertEquals("boom \"quoted\"", json.getString("exception.message"));
        String trace = json.getString("exception.stacktrace");
        assertTrue(trace.startsWith("java.lang.IllegalStateException: boom \"quoted\"\n\tat "), trace);
        assertTrue(trace.contains("\nCaused by: java.io.IOException: disk"), trace);
        assertFalse(trace.endsWith("\n"));
    }

    @Test
    void leavesOutNullExceptionMessageAndKeepsExceptionFieldsWithoutThrown() {
        String withNullMessage = json(new LogEvent(MILLIS, LogLevel.ERROR, null, "e", null, null,
                new NullPointerException()));
        assertEquals(List.of("timestamp", "level", "event", "exception.type", "exception.stacktrace"),
                JsonLines.keys(withNullMessage.trim()));

        String withoutThrown = json(event("request_failed", "exception.type", "java.io.IOException"));
        assertEquals("java.io.IOException", JsonLines.parse(withoutThrown).getString("exception.type"));
    }

    @Test
    void survivesAnExceptionWhoseMessageAndStackTraceThrow() {
        Exception hostile = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException();
            }

            @Override
            public String toString() {
                throw new IllegalStateException();
            }
        };
        JsonObject json = JsonLines.parse(json(new LogEvent(MILLIS, LogLevel.ERROR, null, "e", null, null, hostile)));

        assertEquals("<unprintable>", json.getString("exception.message"));
        assertTrue(json.getString("exception.stacktrace").contains("<unprintable>"));
    }

    @Test
    void formatsTimestampsLikeIsoInstantWithMillis() {
        DateTimeFormatter expected = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);
        JsonLineFormat format = new JsonLineFormat();
        Random random = new Random(42);
        List<Long> samples = new ArrayList<>(List.of(0L, -1L, 999L, 1000L, MILLIS, MILLIS + 1, MILLIS + 999,
                MILLIS + 1000, 253_402_300_799_999L, -62_167_219_200_000L));
        for (int i = 0; i < 500; i++) {
            samples.add(random.nextLong() % 253_402_300_799_999L);
            samples.add(MILLIS + random.nextInt(5000));
        }
        for (long millis : samples) {
            StringBuilder out = new StringBuilder();
            format.format(new LogEvent(millis, LogLevel.INFO, null, "e", null, null, null), out);
            String timestamp = JsonLines.parse(out.toString()).getString("timestamp");
            if (millis >= 0) {
                assertEquals(expected.format(Instant.ofEpochMilli(millis)), timestamp, "at " + millis);
            } else {
                assertEquals(Instant.ofEpochMilli(millis), Instant.parse(timestamp), "at " + millis);
            }
        }
    }

    @Test
    void appendsOneLineToWhatIsAlreadyThere() {
        StringBuilder out = new StringBuilder("previous\n");
        JsonLineFormat format = new JsonLineFormat();
        format.format(event("a"), out);
        format.format(event("b"), out);

        String[] lines = out.toString().split("\n", -1);
        assertEquals(4, lines.length);
        assertEquals("previous", lines[0]);
        assertEquals("b", JsonLines.parse(lines[2] + "\n").getString("event"));
        assertEquals("", lines[3]);
        format.format(null, out); // no line, no exception
        assertEquals(4, out.toString().split("\n", -1).length);
    }
}
