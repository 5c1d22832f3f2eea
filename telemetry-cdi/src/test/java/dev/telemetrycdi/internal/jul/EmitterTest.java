package dev.telemetrycdi.internal.jul;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.LogRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EmitterTest {
    private static final String LOGGER = "dev.telemetrycdi.test.emitter";
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger jul = Logger.getLogger(LOGGER);
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private boolean parentHandlers;

    @BeforeEach
    void capture() {
        assertNull(LogRouter.active(), "no pipeline runs in these tests");
        parentHandlers = jul.getUseParentHandlers();
        jul.setUseParentHandlers(false); // keep the build's console quiet
        jul.addHandler(handler);
    }

    @AfterEach
    void release() {
        jul.removeHandler(handler);
        jul.setUseParentHandlers(parentHandlers);
    }

    @Test
    void withoutARunningModuleItsOwnLinesAreNotWritten() {
        Emitter.emitModule(LogLevel.ERROR, LOGGER, "http_client_request", Fields.EMPTY, Fields.of("k", 1), null);
        assertEquals(List.of(), records);
    }

    @Test
    void withoutARunningModuleTheApplicationsLinesGoOutAsPlainText() {
        Emitter.emit(LogLevel.WARNING, LOGGER, "match_scored", Fields.of("request.id", "r1"),
                Fields.of("note", "a\nb"), null);
        assertEquals(1, records.size());
        assertEquals("match_scored request.id=r1 note=a\\u000ab", records.get(0).getMessage());
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
        assertEquals("request_completed request.id=r2 http.response.status_code=404", records.get(0).getMessage());
    }
}
