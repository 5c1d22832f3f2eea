package dev.telemetrycdi.internal.context;

import dev.telemetrycdi.ContextScope;
import dev.telemetrycdi.TelemetryContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryContextTest {

    @AfterEach
    void nothingLeaks() {
        assertTrue(TelemetryContext.current().isEmpty(), "context left on the thread: " + TelemetryContext.current());
    }

    @Test
    void nestedScopesRestoreWhatTheyReplaced() {
        try (ContextScope outer = TelemetryContext.bind("request.id", "r1", "match.id", 7)) {
            try (ContextScope inner = TelemetryContext.bind("match.id", 8, "round", 2)) {
                assertEquals(Map.of("request.id", "r1", "match.id", 8, "round", 2), TelemetryContext.current());
                assertEquals(List.of("request.id", "match.id", "round"),
                        List.copyOf(TelemetryContext.current().keySet()), "binding order is kept");
            }
            assertEquals(Map.of("request.id", "r1", "match.id", 7), TelemetryContext.current());
        }
    }

    @Test
    void aScopeRestoresWhenTheBodyThrows() {
        RuntimeException failure = new IllegalStateException("boom");
        RuntimeException thrown = assertThrows(IllegalStateException.class, () -> {
            try (ContextScope scope = TelemetryContext.bind("k", "v")) {
                throw failure;
            }
        });
        assertSame(failure, thrown);
    }

    @Test
    void closingTwiceHasNoFurtherEffect() {
        try (ContextScope outer = TelemetryContext.bind("a", 1)) {
            ContextScope inner = TelemetryContext.bind("b", 2);
            inner.close();
            try (ContextScope other = TelemetryContext.bind("c", 3)) {
                inner.close();
                assertEquals(Map.of("a", 1, "c", 3), TelemetryContext.current());
            }
        }
    }

    @Test
    void closingOnAnotherThreadDoesNothing() throws Exception {
        ContextScope scope = TelemetryContext.bind("a", 1);
        try {
            CompletableFuture.runAsync(scope::close).get();
            assertEquals(Map.of("a", 1), TelemetryContext.current());
        } finally {
            scope.close();
        }
    }

    @Test
    void otherThreadsDoNotSeeTheContext() throws Exception {
        try (ContextScope scope = TelemetryContext.bind("a", 1)) {
            assertEquals(Map.of(), CompletableFuture.supplyAsync(TelemetryContext::current).get());
        }
    }

    @Test
    void bindingAMapSkipsEmptyKeys() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("x", 1);
        fields.put("", 2);
        fields.put(null, 3);
        try (ContextScope scope = TelemetryContext.bind(fields)) {
            assertEquals(Map.of("x", 1), TelemetryContext.current());
        }
    }

    @Test
    void oddKeyValuesAndNonStringKeysAreIgnored() {
        try (ContextScope scope = TelemetryContext.bind("a", 1, 42, "x", "dangling")) {
            assertEquals(Map.of("a", 1), TelemetryContext.current());
        }
    }

    @Test
    void scopeUpdateReplacesTheContextUntilClose() {
        try (ContextStorage.Scope scope = ContextStorage.attach(Fields.of("a", 1))) {
            scope.update(Fields.of("a", 2, "b", 3));
            assertEquals(Map.of("a", 2, "b", 3), ContextStorage.current().toMap());
        }
    }
}
