package dev.telemetrycdi.internal.logging;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operator messages of the log output itself, written through {@code java.util.logging} (the server's log)
 * with a stable message id and what to do about it.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class LoggingDiagnostics {
    static final String LOGGER_NAME = "dev.telemetrycdi";
    private static final Logger LOGGER = Logger.getLogger(LOGGER_NAME);

    private LoggingDiagnostics() {
    }

    static void queueFull(long dropped, int capacity) {
        LOGGER.warning("TCDI0101W: telemetry-cdi dropped " + dropped + " log records because its queue (capacity "
                + capacity + ") was full; raise telemetry.log.queue-size or lower the log level.");
    }

    static void writeFailed(Exception cause) {
        LOGGER.log(Level.WARNING, "TCDI0102W: telemetry-cdi cannot write to its log output (" + cause
                + "); lines are dropped and counted until writing succeeds again. Check that the log file or"
                + " standard output is writable (disk space, permissions, a closed pipe).", cause);
    }

    static void linesLost(long lost) {
        LOGGER.warning("TCDI0103W: telemetry-cdi lost " + lost + " log records that could not be formatted or"
                + " written; see TCDI0102W for a write failure.");
    }

    static void serverOutputFiltered(String logger) {
        LOGGER.warning("TCDI0104W: the server's logging does not pass INFO records of " + logger + ", through which"
                + " telemetry-cdi writes its lines to standard output; they are written directly to standard output"
                + " instead, where the server's console output can break them. Let " + logger + " log at INFO, or"
                + " set telemetry.log.file.");
    }

    static void rotationFailed(Path file, Exception cause) {
        LOGGER.log(Level.WARNING, "TCDI0105W: telemetry-cdi cannot rotate its log file " + file + " (" + cause
                + "); it goes on writing to the file, which is no longer rotated until the application restarts."
                + " Check the permissions of the directory and of the rotated files " + file.getFileName()
                + ".1 and up, or set telemetry.log.max-file-size=0 and rotate with logrotate.", cause);
    }

    static void reopenFailed(Path file, Exception cause, boolean writingOn) {
        LOGGER.log(Level.WARNING, "TCDI0106W: telemetry-cdi cannot reopen its log file " + file + " (" + cause + ")"
                + (writingOn ? " after it was moved or deleted; it goes on writing to the moved file"
                        : " after rotating it; lines are dropped and counted")
                + " and tries again every second. Check that the directory is writable.", cause);
    }
}
