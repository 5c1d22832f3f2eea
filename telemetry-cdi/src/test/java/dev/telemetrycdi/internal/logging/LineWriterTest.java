package dev.telemetrycdi.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The writes a {@link LineWriter} makes end at line breaks: a file rotated, moved or truncated ({@code copytruncate})
 * between two writes never begins or ends inside a line.
 */
class LineWriterTest {
    /** 3 bytes a character in UTF-8: a batch of such lines is larger in bytes than the writer's 64 KiB buffer. */
    private static final String TEXT = "\u65e5\u672c\u8a9e\u306e\u30ed\u30b0".repeat(200);

    @Test
    void aBatchLargerThanTheBufferIsWrittenInWholeLines() {
        Recording target = new Recording();
        LineWriter writer = new LineWriter(new JsonLineFormat(), target);
        for (int i = 0; i < 60; i++) {
            writer.append(Events.event("e", "i", i, "text", TEXT));
        }
        writer.writePending();

        assertTrue(target.writes.size() > 2, "more than one write a batch: " + target.writes.size());
        for (byte[] write : target.writes) {
            assertTrue(write.length <= 64 * 1024, "at most the buffer: " + write.length);
            assertEquals('\n', write[write.length - 1], "a write of " + write.length + " bytes ends inside a line");
        }
        List<JsonObject> lines = JsonLines.parseAll(target.text());
        assertEquals(60, lines.size());
        for (int i = 0; i < 60; i++) {
            assertEquals(i, lines.get(i).getInt("i"));
            assertEquals(TEXT, lines.get(i).getString("text"));
        }
    }

    @Test
    void aLineLongerThanTheBufferIsWrittenInPiecesAndWhole() {
        Recording target = new Recording();
        LineWriter writer = new LineWriter(new JsonLineFormat(), target);
        String longText = TEXT.repeat(20); // 72 KiB of characters, 216 KiB of bytes
        writer.append(Events.event("short", "i", 0));
        writer.append(Events.event("long", "i", 1, "text", longText));
        writer.append(Events.event("short", "i", 2));
        writer.writePending();

        List<JsonObject> lines = JsonLines.parseAll(target.text());
        assertEquals(List.of(0, 1, 2), lines.stream().map(line -> line.getInt("i")).toList());
        assertEquals(longText, lines.get(1).getString("text"));
        byte[] last = target.writes.get(target.writes.size() - 1);
        assertEquals('\n', last[last.length - 1]);
    }

    /** Records every write call separately. */
    private static final class Recording extends OutputStream {
        final List<byte[]> writes = new ArrayList<>();
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(Arrays.copyOfRange(b, off, off + len));
            all.write(b, off, len);
        }

        String text() {
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
