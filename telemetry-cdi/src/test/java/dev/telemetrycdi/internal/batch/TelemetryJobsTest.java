package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.TelemetryJobs;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

class TelemetryJobsTest {

    @Test
    void theCallersRequestAndUserAreAddedToACopy() {
        Properties given = new Properties();
        given.setProperty("league.id", "3");
        try (ContextStorage.Scope request = ContextStorage.attach(
                Fields.of("request.id", "req-1", "user.id", "alice", "labels", java.util.List.of("league")))) {
            Properties result = TelemetryJobs.parameters(given);
            assertNotSame(given, result);
            assertEquals(Map.of("league.id", "3", "request.id", "req-1", "user.id", "alice"), Map.copyOf(result));
            assertEquals(Map.of("league.id", "3"), Map.copyOf(given), "the caller's properties are not changed");
        }
    }

    @Test
    void keysTheCallerSetAreKeptAndDefaultsAreCopied() {
        Properties defaults = new Properties();
        defaults.setProperty("mode", "full");
        Properties given = new Properties(defaults);
        given.setProperty("request.id", "chosen-id");
        try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "req-1"))) {
            assertEquals(Map.of("request.id", "chosen-id", "mode", "full"), Map.copyOf(TelemetryJobs.parameters(given)));
        }
    }

    @Test
    void withoutContextOrParametersTheResultIsEmpty() {
        assertEquals(Map.of(), Map.copyOf(TelemetryJobs.parameters(null)));
    }
}
