package dev.telemetrycdi.internal.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the streams structured lines are written to. Both are unbuffered: {@link AsyncLogSink} batches lines.
 *
 * <pre>{@code
 * OutputStream out = LogTargets.file(Path.of("/var/log/app/telemetry.jsonl")); // close it when done
 * OutputStream console = LogTargets.console();                                  // never close it
 * }</pre>
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
public final class LogTargets {
    private LogTargets() {
    }

    /**
     * Standard output as the module writes to it when no file is configured: where the server's logging owns
     * standard output (WildFly), a {@link ServerLogOutput} that hands the lines to it, unless its logger
     * {@value ServerLogOutput#LOGGER_NAME} does not pass {@code INFO} (then {@code TCDI0104W} and {@link #stdout()});
     * elsewhere (Open Liberty) {@link #stdout()}. Never close the stream.
     */
    public static OutputStream console() {
        if (!ServerLogOutput.serverOwnsStandardOutput()) {
            return stdout();
        }
        Logger logger = Logger.getLogger(ServerLogOutput.LOGGER_NAME);
        if (!logger.isLoggable(Level.INFO)) {
            LoggingDiagnostics.serverOutputFiltered(ServerLogOutput.LOGGER_NAME);
            return stdout();
        }
        return new ServerLogOutput(logger);
    }

    /**
     * The process's standard output, written through its file descriptor: unlike {@code System.out}, Open
     * Liberty never wraps it. Never close the stream: that would close the process's standard output.
     */
    public static OutputStream stdout() {
        return new FileOutputStream(FileDescriptor.out);
    }

    /**
     * {@code path} opened for appending, its parent directories created first, never rotated, but reopened when an
     * external {@code logrotate} moved it: {@link #file(Path, long, int)} with no rotation.
     *
     * @throws IOException if the directories cannot be created or the file cannot be opened for writing
     */
    public static OutputStream file(Path path) throws IOException {
        return file(path, 0, 1);
    }

    /**
     * {@code path} opened for appending, its parent directories created first; rotated before a line that would
     * take it beyond {@code maxBytes} ({@code app.log} → {@code app.log.1} … {@code app.log.<maxFiles>}, the oldest
     * deleted), and reopened within about a second when an external {@code logrotate} moved it. Written through a
     * {@link FileOutputStream}, not a channel, so that interrupting the writing thread cannot close it. The stream
     * is not thread-safe: write it from one thread at a time, as {@link AsyncLogSink} does.
     *
     * @param maxBytes 0 for no rotation
     * @param maxFiles rotated files kept, at least 1
     * @throws IOException if the directories cannot be created or the file cannot be opened for writing
     */
    public static OutputStream file(Path path, long maxBytes, int maxFiles) throws IOException {
        return new RotatingFile(path, maxBytes, maxFiles);
    }
}
