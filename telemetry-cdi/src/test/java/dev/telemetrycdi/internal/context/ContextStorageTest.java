package dev.telemetrycdi.internal.context;

import dev.telemetrycdi.ContextScope;
import dev.telemetrycdi.TelemetryContext;
import dev.telemetrycdi.internal.logging.JulCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextStorageTest {
    private static final Fields REQUEST = Fields.of("request.id", "r1");
    private static final Fields MATCHED = Fields.of("request.id", "r1", "labels", List.of("order"), "order.id", 5L);

    @AfterEach
    void nothingLeaks() {
        assertTrue(ContextStorage.current().isEmpty(), "left on the thread: " + ContextStorage.current());
    }

    /**
     * An application filter binds its own field inside the request's chain; the route is matched meanwhile: the
     * application's scope, closed, leaves the route's fields in place, and the request's scope restores the thread.
     */
    @Test
    void aScopeOpenedAndClosedInsideTheRequestLosesNothingTheRequestLearntMeanwhile() {
        try (ContextStorage.Scope request = ContextStorage.attach(REQUEST)) {
            try (ContextScope tenant = TelemetryContext.bind("tenant", "acme")) {
                request.update(MATCHED);
                assertEquals(Map.of("request.id", "r1", "labels", List.of("order"), "order.id", 5L, "tenant", "acme"),
                        TelemetryContext.current());
                request.update(MATCHED.with("user.id", "ada"));
                assertEquals("ada", TelemetryContext.current().get("user.id"));
                assertEquals("acme", TelemetryContext.current().get("tenant"));
            }
            assertEquals(MATCHED.with("user.id", "ada").toMap(), TelemetryContext.current());
        }
    }

    @Test
    void aScopeThatChangedAFieldKeepsItsValueWhenTheContextBelowChanges() {
        try (ContextStorage.Scope request = ContextStorage.attach(REQUEST.with("order.id", 1L))) {
            try (ContextScope order = TelemetryContext.bind("order.id", 9L)) {
                request.update(MATCHED);
                assertEquals(9L, TelemetryContext.current().get("order.id"));
                assertEquals(List.of("order"), TelemetryContext.current().get("labels"));
            }
            assertEquals(5L, TelemetryContext.current().get("order.id"));
        }
    }

    /** A task's scope replaces the thread's context as a whole: a change below it does not reach into it. */
    @Test
    void aScopeThatReplacedTheContextIsNotRebased() {
        try (ContextStorage.Scope outer = ContextStorage.attach(REQUEST)) {
            try (ContextStorage.Scope task = ContextStorage.attach(Fields.of("task.id", "t1"))) {
                outer.update(MATCHED);
                assertEquals(Map.of("task.id", "t1"), TelemetryContext.current());
            }
            assertEquals(MATCHED.toMap(), TelemetryContext.current());
        }
    }

    @Test
    void aScopeClosedOutOfOrderClosesTheScopesAboveItRestoresTheThreadAndIsSaidOnce() {
        try (JulCapture warnings = new JulCapture("dev.telemetrycdi")) {
            for (int i = 0; i < 2; i++) {
                ContextStorage.Scope request = ContextStorage.attach(REQUEST);
                ContextScope forgotten = TelemetryContext.bind("tenant", "acme");
                request.close(); // the request ends with the application's scope still open
                assertTrue(ContextStorage.current().isEmpty());
                forgotten.close(); // closed late: nothing more happens
                assertTrue(ContextStorage.current().isEmpty());
            }
            List<LogRecord> said = warnings.records().stream()
                    .filter(record -> record.getMessage().startsWith("TCDI0011W")).toList();
            assertTrue(said.size() <= 1, "said at most once per application: " + said.size());
        }
    }

    @Test
    void closingTwiceOrFromAnotherThreadChangesNothing() throws InterruptedException {
        try (ContextStorage.Scope request = ContextStorage.attach(REQUEST)) {
            ContextStorage.Scope inner = ContextStorage.attach(MATCHED);
            Thread other = new Thread(inner::close);
            other.start();
            other.join();
            assertEquals(MATCHED, ContextStorage.current());
            inner.close();
            inner.close();
            assertEquals(REQUEST, ContextStorage.current());
        }
    }
}
