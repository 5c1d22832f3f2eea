package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportOutcomesTest {
    private final List<String> said = new ArrayList<>();
    private final ExportOutcomes outcomes = new ExportOutcomes("spans", "http://user:secret@collector.example:4318/v1",
            (level, message) -> said.add(level + " " + message));

    @Test
    void anOutageIsSaidOnceAndItsEndOnce() {
        outcomes.watch(CompletableResultCode.ofSuccess());
        assertEquals(List.of(), said, "nothing while exports succeed");

        outcomes.watch(CompletableResultCode.ofExceptionalFailure(new IOException("Connection refused")));
        outcomes.watch(CompletableResultCode.ofFailure());
        outcomes.watch(CompletableResultCode.ofFailure());
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith(Level.WARNING + " TCDI0013W: "), said.get(0));
        assertTrue(said.get(0).contains("exporting spans to the collector (http://collector.example:4318) failed"
                + " (java.io.IOException)"), said.get(0));

        outcomes.watch(CompletableResultCode.ofSuccess());
        outcomes.watch(CompletableResultCode.ofSuccess());
        assertEquals(2, said.size(), said.toString());
        assertTrue(said.get(1).startsWith(Level.INFO + " TCDI0014I: "), said.get(1));

        outcomes.watch(CompletableResultCode.ofFailure());
        assertEquals(3, said.size(), "a new outage is said again: " + said);
    }

    @Test
    void anExportStillRunningIsJudgedWhenItEnds() {
        CompletableResultCode running = new CompletableResultCode();
        assertSame(running, outcomes.watch(running), "the exporter's own result, unchanged");
        assertEquals(List.of(), said);
        running.fail();
        assertEquals(1, said.size(), said.toString());
    }

    @Test
    void theCollectorIsNamedWithoutUserInformationOrPath() {
        assertEquals("https://otel.example:4317", ExportOutcomes.collector("https://token:x@otel.example:4317/a?k=v"));
        assertEquals("http://localhost", ExportOutcomes.collector(" http://localhost "));
        assertEquals("the configured endpoint", ExportOutcomes.collector("not a uri with spaces"));
        assertEquals("the configured endpoint", ExportOutcomes.collector(null));
    }

    @Test
    void whatItSaysNeverThrowsIntoTheExporter() {
        ExportOutcomes throwing = new ExportOutcomes("log records", "http://c:1",
                (level, message) -> { throw new IllegalStateException("broken handler"); });
        throwing.watch(CompletableResultCode.ofFailure());
        throwing.watch(CompletableResultCode.ofSuccess());
    }
}
