package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EmitterTest {
    private static final String LOGGER = "dev.telemetrycdi.test.emitter";
    private JulCapture jul;

    @BeforeEach
    void capture() {
        assertNull(LogRouter.active(), "no pipeline runs in these tests");
        jul = new JulCapture(LOGGER);
    }

    @AfterEach
    void release() {
        jul.close();
    }

    @Test
    void withoutARunningModuleItsOwnLinesAreNotWritten() {
        Emitter.emitModule(LogLevel.ERROR, LOGGER, "http_client_request", Fields.EMPTY, Fields.of("k", 1), null);
        assertEquals(List.of(), jul.records());
    }

    @Test
    void withoutARunningModuleTheApplicationsLinesGoOutAsPlainText() {
        Emitter.emit(LogLevel.WARNING, LOGGER, "match_scored", Fields.of("request.id", "r1"),
                Fields.of("note", "a\nb"), null);
        assertEquals(1, jul.records().size());
        assertEquals("match_scored request.id=r1 note=a\\u000ab", jul.records().get(0).getMessage());
    }

    @Test
    void thePlainPipelineWritesEveryEventThroughItsLogger() {
        LogRouter.activate(new PlainPipeline());
        try {
            Emitter.emitModule(LogLevel.WARNING, LOGGER, "request_completed", Fields.of("request.id", "r2"),
                    Fields.of("http.response.status_code", 404), null);
        } finally {
            LogRouter.deactivate(LogRouter.active());
        }
        assertEquals("request_completed request.id=r2 http.response.status_code=404", jul.records().get(0).getMessage());
    }
}
