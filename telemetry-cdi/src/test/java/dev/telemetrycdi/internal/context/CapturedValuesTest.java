package dev.telemetrycdi.internal.context;

import dev.telemetrycdi.ContextScope;
import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.TelemetryContext;
import dev.telemetrycdi.internal.logging.CapturedLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapturedValuesTest {
    /** An application object whose {@code toString()} fails. */
    private static final Object HOSTILE = new Object() {
        @Override
        public String toString() {
            throw new IllegalStateException("lazy proxy not initialised");
        }
    };

    @AfterEach
    void nothingLeaks() {
        assertTrue(TelemetryContext.current().isEmpty());
    }

    @Test
    void aListTheCallerChangesAfterwardsIsLoggedAsItWasAtTheCall() {
        List<String> players = new ArrayList<>(List.of("ada", "bo"));
        try (CapturedLines lines = new CapturedLines(LogLevel.INFO).activate()) {
            EventLogger.get("dev.telemetrycdi.test").info("team_picked", "players", players);
            players.add("cy");
            players.set(0, "zed");
            assertEquals(List.of("ada", "bo"), lines.single().fields().get("players"));
        }
    }

    @Test
    void aContextValueTheCallerChangesAfterwardsIsBoundAsItWasAtTheCall() {
        List<Integer> rounds = new ArrayList<>(List.of(1, 2));
        try (ContextScope scope = TelemetryContext.bind("rounds", rounds)) {
            rounds.add(3);
            assertEquals(List.of(1, 2), TelemetryContext.current().get("rounds"));
        }
        StringBuilder name = new StringBuilder("ada");
        try (ContextScope scope = TelemetryContext.bind(Map.of("player", name))) {
            name.append("-changed");
            assertEquals("ada", TelemetryContext.current().get("player"));
        }
    }

    @Test
    void aThrowingToStringIsAPlaceholderAndNeverReachesTheCaller() {
        try (CapturedLines lines = new CapturedLines(LogLevel.INFO).activate()) {
            EventLogger.get("dev.telemetrycdi.test").info("order_loaded", "order", HOSTILE, "items", List.of(HOSTILE));
            Fields fields = lines.single().fields();
            assertEquals(CapturedValues.UNPRINTABLE, fields.get("order"));
            assertEquals(List.of(CapturedValues.UNPRINTABLE), fields.get("items"));
        }
        try (ContextScope scope = TelemetryContext.bind("order", HOSTILE)) {
            assertEquals(CapturedValues.UNPRINTABLE, TelemetryContext.current().get("order"));
        }
    }

    @Test
    void aCollectionThatFailsWhileItIsCopiedIsAPlaceholder() {
        List<String> failing = new ArrayList<>(List.of("a")) {
            @Override
            public Iterator<String> iterator() {
                throw new java.util.ConcurrentModificationException();
            }
        };
        assertEquals(CapturedValues.UNPRINTABLE, CapturedValues.capture(failing));
    }

    @Test
    void valuesAreBounded() {
        String longText = "x".repeat(CapturedValues.MAX_TEXT + 10);
        assertEquals(CapturedValues.MAX_TEXT, ((String) CapturedValues.capture(longText)).length());
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < CapturedValues.MAX_ELEMENTS + 5; i++) {
            many.add(i);
        }
        List<?> kept = (List<?>) CapturedValues.capture(many);
        assertEquals(CapturedValues.MAX_ELEMENTS + 1, kept.size());
        assertEquals(CapturedValues.MORE, kept.get(CapturedValues.MAX_ELEMENTS));
        Object nested = "leaf";
        for (int i = 0; i < CapturedValues.MAX_DEPTH + 2; i++) {
            nested = List.of(nested);
        }
        Object captured = CapturedValues.capture(nested);
        for (int i = 0; i < CapturedValues.MAX_DEPTH; i++) {
            captured = ((List<?>) captured).get(0);
        }
        assertEquals(CapturedValues.TOO_DEEP, captured);
        assertEquals(List.of(1L, "b"), CapturedValues.capture(new Object[] {1L, "b"}));
    }

    @Test
    void immutableScalarsAreKeptAsTheyAre() {
        Long id = 7L;
        assertSame(id, CapturedValues.capture(id));
        assertEquals(true, CapturedValues.capture(true));
        assertEquals("2.5", CapturedValues.capture(new java.math.BigDecimal("2.5")));
        assertThrows(UnsupportedOperationException.class,
                () -> ((List<Object>) CapturedValues.capture(new ArrayList<>(List.of(1)))).add(2));
    }
}
