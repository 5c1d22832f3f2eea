package dev.telemetrycdi.internal.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Formats lines into one reused buffer and writes them UTF-8 encoded, through one reused byte buffer, to an
 * output stream: many lines per {@code write} call, so the stream needs no buffering of its own. Every
 * {@code write} ends at a line break, unless a single line is longer than the byte buffer ({@value #BUFFER_BYTES}
 * bytes): so a file rotated, moved or truncated ({@code copytruncate}) between two writes never begins or ends inside
 * a line.
 *
 * <p>A line that cannot be formatted or written is counted in {@link #lost()}, never thrown; the first write
 * failure of an outage is reported once through {@code java.util.logging}.
 *
 * <p>Internal API: may change without notice. Not thread-safe: its owner serialises all calls (only
 * {@link #lost()} may be read from any thread).
 */
final class LineWriter {
    private static final int INITIAL_CHARS = 8 * 1024;
    private static final int WRITE_THRESHOLD_CHARS = 32 * 1024;
    private static final int MAX_RETAINED_CHARS = 1024 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final LineFormat format;
    private final OutputStream target;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES);
    private final AtomicLong lost = new AtomicLong();
    private StringBuilder lines = new StringBuilder(INITIAL_CHARS);
    /** The lines copied out for encoding: an array-backed buffer takes the encoder's fast path. */
    private char[] chars = new char[INITIAL_CHARS];
    private int pendingLines;
    private boolean failing;

    LineWriter(LineFormat format, OutputStream target) {
        this.format = format;
        this.target = target;
    }

    /** Formats {@code event} into the buffer, writing the buffer out when it is large. */
    void append(LogEvent event) {
        int start = lines.length();
        try {
            format.format(event, lines);
            pendingLines++;
        } catch (Throwable e) { // a LineFormat must not throw; if one does, only this line is lost
            lines.setLength(start);
            lost.incrementAndGet();
        }
        if (lines.length() >= WRITE_THRESHOLD_CHARS) {
            writePending();
        }
    }

    /** Writes out every buffered line. */
    void writePending() {
        if (lines.length() == 0) {
            pendingLines = 0;
            return;
        }
        try {
            encodeAndWrite();
            failing = false;
        } catch (IOException | RuntimeException e) {
            lost.addAndGet(pendingLines);
            failed(e);
        } finally {
            pendingLines = 0;
            if (lines.capacity() > MAX_RETAINED_CHARS) {
                lines = new StringBuilder(INITIAL_CHARS);
                chars = new char[INITIAL_CHARS];
            } else {
                lines.setLength(0);
            }
        }
    }

    void flush() {
        try {
            target.flush();
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /** Closes the stream; failures are ignored, as nothing can be written afterwards anyway. */
    void close() {
        try {
            target.close();
        } catch (IOException | RuntimeException e) {
            // nothing left to tell it
        }
    }

    /** Lines lost so far because they could not be formatted or written. */
    long lost() {
        return lost.get();
    }

    private void encodeAndWrite() throws IOException {
        int length = lines.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        lines.getChars(0, length, chars, 0);
        CharBuffer buffer = CharBuffer.wrap(chars, 0, length);
        encoder.reset();
        bytes.clear();
        while (true) {
            CoderResult result = encoder.encode(buffer, bytes, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isOverflow()) {
                drainWholeLines();
            } else {
                result.throwException();
            }
        }
        while (encoder.flush(bytes).isOverflow()) {
            drainWholeLines();
        }
        drainBytes();
    }

    /**
     * Writes the full byte buffer up to its last line break and moves the rest to its start, to be written with the
     * line's end; writes all of it when it holds no line break (a line longer than the buffer).
     */
    private void drainWholeLines() throws IOException {
        byte[] array = bytes.array();
        int end = bytes.position();
        int lineEnd = end;
        while (lineEnd > 0 && array[lineEnd - 1] != '\n') {
            lineEnd--;
        }
        if (lineEnd == 0) {
            drainBytes();
            return;
        }
        target.write(array, 0, lineEnd);
        System.arraycopy(array, lineEnd, array, 0, end - lineEnd);
        bytes.position(end - lineEnd);
    }

    private void drainBytes() throws IOException {
        if (bytes.position() > 0) {
            target.write(bytes.array(), 0, bytes.position());
            bytes.clear();
        }
    }

    private void failed(Exception e) {
        if (!failing) {
            failing = true;
            LoggingDiagnostics.writeFailed(e);
        }
    }
}
