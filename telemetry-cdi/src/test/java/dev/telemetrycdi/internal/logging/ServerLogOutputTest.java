package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerLogOutputTest {
    private static final String NAME = ServerLogOutput.LOGGER_NAME;

    @Test
    void eachWriteOfWholeLinesIsOneInfoRecordStartingWithALineBreak() {
        try (JulCapture capture = new JulCapture(NAME)) {
            ServerLogOutput out = new ServerLogOutput(Logger.getLogger(NAME));
            out.write(bytes("{\"a\":1}\n{\"b\":2}\n"), 0, 16);
            List<LogRecord> records = capture.records();
            assertEquals(1, records.size());
            assertEquals(Level.INFO, records.get(0).getLevel());
            assertEquals(NAME, records.get(0).getLoggerName());
            assertEquals("\n{\"a\":1}\n{\"b\":2}", records.get(0).getMessage());
            assertEquals(null, records.get(0).getParameters(), "no parameters: the server formats nothing in it");
        }
    }

    @Test
    void aLineSplitAcrossWritesWaitsForItsEndMultiByteCharactersIncluded() {
        try (JulCapture capture = new JulCapture(NAME)) {
            ServerLogOutput out = new ServerLogOutput(Logger.getLogger(NAME));
            byte[] line = bytes("{\"city\":\"Zürich\"}\n{\"n\":");
            int split = "{\"city\":\"Z".length() + 1; // inside the two bytes of ü
            out.write(line, 0, split);
            assertTrue(capture.records().isEmpty(), "no line break yet");
            out.write(line, split, line.length - split);
            out.write(bytes("2}\n"), 0, 3);
            List<String> messages = capture.records().stream().map(LogRecord::getMessage).toList();
            assertEquals(List.of("\n{\"city\":\"Zürich\"}", "\n{\"n\":2}"), messages);
        }
    }

    @Test
    void theSinkWritesThroughItLineForLine() {
        try (JulCapture capture = new JulCapture(NAME)) {
            AsyncLogSink sink = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(),
                    new ServerLogOutput(Logger.getLogger(NAME)), 64, 10_000, "test-writer");
            sink.start();
            for (int i = 0; i < 20; i++) {
                sink.publish(Events.event("event_" + i));
            }
            sink.stop(5_000);
            // as the server's handler writes them: its prefix, the message, the line break its pattern adds
            String written = capture.records().stream().map(record -> "PREFIX " + record.getMessage() + "\n")
                    .collect(java.util.stream.Collectors.joining());
            List<String> lines = written.lines().filter(line -> !line.startsWith("PREFIX ")).toList();
            assertEquals(20, lines.size());
            for (int i = 0; i < 20; i++) {
                assertEquals("event_" + i, JsonLines.parse(lines.get(i) + "\n").getString("event"));
            }
            assertFalse(capture.records().stream().anyMatch(r -> r.getMessage().endsWith("\n")),
                    "the handler's pattern ends the record");
        }
    }

    @Test
    void onAPlainJvmTheServerDoesNotOwnStandardOutput() {
        assertFalse(ServerLogOutput.serverOwnsStandardOutput());
        assertTrue(LogTargets.console() instanceof java.io.FileOutputStream);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
