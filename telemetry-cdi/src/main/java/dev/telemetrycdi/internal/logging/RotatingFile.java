package dev.telemetrycdi.internal.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A log file that behaves like a server's: rotated by size ({@code app.log} → {@code app.log.1} → … →
 * {@code app.log.<maxFiles>}, the oldest deleted), and reopened when an external {@code logrotate} moved or
 * deleted it. Both happen only where a write starts a new line, so a line is never split between two files, and on
 * the thread that writes, so nothing else runs: whether the path still denotes the open file (its file key) is
 * looked at, at most once per {@link #CHECK_INTERVAL_NANOS}, before a write.
 *
 * <p>A truncated file ({@code copytruncate}) needs no reopening: the file is opened for appending, so the next write
 * goes to its new end; the size counted for rotation is taken from the file at that check. A path that is not a
 * regular file when opened ({@code /dev/stdout}, a pipe) is written to as it is, never rotated or reopened.
 *
 * <p>Failures never stop the writing: a rotation that fails is said once ({@code TCDI0105W}) and the file grows on,
 * unrotated, until the application restarts; a reopen that fails is said once per outage ({@code TCDI0106W}) and the
 * moved file is written on, the reopen tried again each check. Only when no file is open at all (it could not be
 * reopened after a rotation) does a write throw, and {@link LineWriter} drops and counts the lines as for any other
 * write failure ({@code TCDI0102W}).
 *
 * <p>Internal API: may change without notice. Not thread-safe: its owner serialises all calls.
 */
final class RotatingFile extends OutputStream {
    static final long CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path path;
    private final long maxBytes;
    private final int maxFiles;
    private final long checkIntervalNanos;
    private FileOutputStream out; // null only when reopening after a rotation failed
    private Object fileKey;
    private boolean regular;
    private long size;
    private boolean atLineStart = true;
    private long nextCheck;
    private boolean rotationOff;
    private boolean reopenFailing;
    private IOException openFailure;

    /**
     * Opens {@code path} for appending, its parent directories created first.
     *
     * @param maxBytes rotate before a line that would take the file beyond this size; 0 for never
     * @param maxFiles rotated files kept besides {@code path}, at least 1
     * @throws IOException if the file cannot be opened
     */
    RotatingFile(Path path, long maxBytes, int maxFiles) throws IOException {
        this(path, maxBytes, maxFiles, CHECK_INTERVAL_NANOS);
    }

    RotatingFile(Path path, long maxBytes, int maxFiles, long checkIntervalNanos) throws IOException {
        if (maxBytes < 0 || maxFiles < 1) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + ", maxFiles " + maxFiles);
        }
        this.path = path.toAbsolutePath();
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        this.checkIntervalNanos = checkIntervalNanos;
        Path parent = this.path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
        this.nextCheck = System.nanoTime() + checkIntervalNanos;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return;
        }
        if (atLineStart) {
            beforeLine(len);
        }
        if (out == null) {
            throw new IOException("the log file " + path + " is not open", openFailure);
        }
        out.write(b, off, len);
        size += len;
        atLineStart = b[off + len - 1] == '\n';
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            FileOutputStream closing = out;
            out = null;
            closing.close();
        }
    }

    /** {@code path} with {@code .n} appended: the {@code n}th rotated file, 1 the newest. */
    Path rotated(int n) {
        return path.resolveSibling(path.getFileName() + "." + n);
    }

    private void beforeLine(int len) {
        long now = System.nanoTime();
        if (regular && now - nextCheck >= 0) { // also when no file is open: at most one attempt a second
            nextCheck = now + checkIntervalNanos;
            follow();
        }
        if (maxBytes > 0 && regular && !rotationOff && out != null && size > 0 && size + len > maxBytes) {
            rotate();
        }
    }

    /** Reopens the path if it no longer denotes the open file; takes the file's size if it does. */
    private void follow() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            reopen();
            return;
        } catch (IOException | RuntimeException e) {
            return; // cannot tell: go on writing to the open file
        }
        if (out == null || !Objects.equals(attributes.fileKey(), fileKey)) {
            reopen();
        } else {
            size = attributes.size(); // smaller after a truncation; appending goes on at its end
        }
    }

    private void rotate() {
        closeQuietly(out);
        out = null;
        try {
            Files.deleteIfExists(rotated(maxFiles));
            for (int n = maxFiles - 1; n >= 1; n--) {
                if (Files.exists(rotated(n))) {
                    Files.move(rotated(n), rotated(n + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(path, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            rotationOff = true; // retrying could shift the kept files again and again
            LoggingDiagnostics.rotationFailed(path, e);
        }
        reopen();
    }

    private void reopen() {
        FileOutputStream previous = out;
        try {
            open();
        } catch (IOException | RuntimeException e) {
            openFailure = e instanceof IOException io ? io : new IOException(e);
            if (!reopenFailing) {
                reopenFailing = true;
                LoggingDiagnostics.reopenFailed(path, e, previous != null);
            }
            return;
        }
        reopenFailing = false;
        openFailure = null;
        closeQuietly(previous);
    }

    /** Opens the path, remembering which file it is; {@link #out} is left alone if this fails. */
    private void open() throws IOException {
        FileOutputStream opened = new FileOutputStream(path.toFile(), true);
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            regular = attributes.isRegularFile();
            fileKey = attributes.fileKey();
            size = attributes.size();
        } catch (IOException | RuntimeException e) {
            regular = false; // cannot tell which file it is: write to it as it is
            fileKey = null;
            size = 0;
        }
        out = opened;
        atLineStart = true;
    }

    private static void closeQuietly(OutputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException | RuntimeException e) {
            // the lines were written; nothing is lost by a failed close
        }
    }
}
