package dev.telemetrycdi.internal.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the streams structured lines are written to. Both are unbuffered: {@link AsyncLogSink} batches lines.
 *
 * <pre>{@code
 * OutputStream out = LogTargets.file(Path.of("/var/log/app/telemetry.jsonl")); // close it when done
 * OutputStream console = LogTargets.stdout();                                   // never close it
 * }</pre>
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
public final class LogTargets {
    private LogTargets() {
    }

    /**
     * The process's standard output, written through its file descriptor: unlike {@code System.out}, Open
     * Liberty never wraps it. Never close the stream: that would close the process's standard output.
     */
    public static OutputStream stdout() {
        return new FileOutputStream(FileDescriptor.out);
    }

    /**
     * {@code path} opened for appending, its parent directories created first. A {@link FileOutputStream}, not a
     * channel stream, so that interrupting the writing thread cannot close it.
     *
     * @throws IOException if the directories cannot be created or the file cannot be opened for writing
     */
    public static OutputStream file(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new FileOutputStream(absolute.toFile(), true);
    }
}
