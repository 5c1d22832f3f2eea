package dev.telemetrycdi.internal.logging;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Standard output where the server's logging owns it (WildFly: JBoss LogManager's console handler writes there):
 * the lines are handed to the server's logging instead of being written beside it. Each write of whole lines
 * becomes one {@code INFO} record of the logger {@value #LOGGER_NAME} whose message is a line break followed by
 * the lines, so the server's handler writes them serialised with its own records (never in between) and each
 * line starts a line of its own, after the handler's prefix line:
 *
 * <pre>
 * 12:00:01,234 INFO  [dev.telemetrycdi.output] (telemetry-cdi-writer)
 * {"timestamp":"...","level":"info","event":"request_completed",...}
 * </pre>
 *
 * <p>A second writer on the process's file descriptor 1 cannot give that: WildFly's default console pattern ends
 * every record with a colour reset after its line break, so the next line on the stream, whoever writes it, would
 * start with {@code ESC[0m}; and a record longer than the handler's 8 KiB buffer reaches the stream in several
 * writes, between which another writer's line can land.
 *
 * <p>The lines follow the server's logging configuration of {@value #LOGGER_NAME} (levels, handlers; WildFly's
 * defaults pass {@code INFO} to the console and {@code server.log}). Bytes after the last line break of a write
 * wait for the next write. The stream is never closed by the module.
 *
 * <p>Internal API: may change without notice. Not thread-safe: one writer (the sink's) uses it.
 */
public final class ServerLogOutput extends OutputStream {
    /** The logger the lines are handed to. */
    public static final String LOGGER_NAME = "dev.telemetrycdi.output";
    private static final int RETAINED_BYTES = 64 * 1024;

    private final Logger logger;
    private byte[] pending = new byte[8 * 1024];
    private int length;

    public ServerLogOutput(Logger logger) {
        this.logger = logger;
    }

    /** Whether this JVM's {@code java.util.logging} is JBoss LogManager, whose console handler owns standard output. */
    public static boolean serverOwnsStandardOutput() {
        return "org.jboss.logmanager.LogManager".equals(
                java.util.logging.LogManager.getLogManager().getClass().getName());
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        if (length + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(length + count, pending.length * 2));
        }
        System.arraycopy(bytes, offset, pending, length, count);
        length += count;
        int end = length;
        while (end > 0 && pending[end - 1] != '\n') {
            end--;
        }
        if (end == 0) {
            return;
        }
        // the lines without their last line break: the handler's pattern ends the record with one
        String lines = new String(pending, 0, end - 1, StandardCharsets.UTF_8);
        System.arraycopy(pending, end, pending, 0, length - end);
        length -= end;
        if (pending.length > RETAINED_BYTES && length <= RETAINED_BYTES) {
            pending = Arrays.copyOf(pending, RETAINED_BYTES);
        }
        LogRecord record = new LogRecord(Level.INFO, "\n" + lines);
        record.setLoggerName(LOGGER_NAME);
        // named, so that no handler has the caller found by walking the stack (WildFly's OpenTelemetry handler asks)
        record.setSourceClassName(ServerLogOutput.class.getName());
        record.setSourceMethodName("write");
        logger.log(record);
    }
}
