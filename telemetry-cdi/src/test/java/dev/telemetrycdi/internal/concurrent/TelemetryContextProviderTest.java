package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryContextProviderTest {
    private final TelemetryContextProvider provider = new TelemetryContextProvider();

    @Test
    void theSnapshotIsTheSubmittersContextAndTheRestorerPutsBackTheWorkersOwn() throws Exception {
        ThreadContextSnapshot snapshot;
        try (ContextStorage.Scope ignored = ContextStorage.attach(Fields.of("request.id", "r1"))) {
            snapshot = provider.currentContext(Map.of());
        }
        assertTrue(ContextStorage.current().isEmpty(), "capturing binds nothing");
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Object[] seen = worker.submit(() -> {
                try (ContextStorage.Scope own = ContextStorage.attach(Fields.of("request.id", "worker-own"))) {
                    ThreadContextRestorer restorer = snapshot.begin();
                    Object during = ContextStorage.current().get("request.id");
                    restorer.endContext();
                    return new Object[] {during, ContextStorage.current().get("request.id")};
                }
            }).get(5, TimeUnit.SECONDS);
            assertEquals("r1", seen[0]);
            assertEquals("worker-own", seen[1]);
            assertTrue(worker.submit(() -> ContextStorage.current().isEmpty()).get(5, TimeUnit.SECONDS),
                    "the worker ends clean");
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void theClearedSnapshotBindsNothingUntilItEnds() {
        try (ContextStorage.Scope ignored = ContextStorage.attach(Fields.of("request.id", "r2"))) {
            ThreadContextRestorer restorer = provider.clearedContext(Map.of()).begin();
            assertTrue(ContextStorage.current().isEmpty());
            restorer.endContext();
            assertEquals("r2", ContextStorage.current().get("request.id"));
        }
    }

    @Test
    void itIsRegisteredAsAServiceUnderItsOwnType() {
        assertTrue(ServiceLoader.load(ThreadContextProvider.class).stream()
                .anyMatch(each -> each.type() == TelemetryContextProvider.class));
        assertEquals("dev.telemetrycdi", provider.getThreadContextType());
    }
}
