package dev.telemetrycdi.internal.logging;

import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

/**
 * The message of a JBoss LogManager record as the record formats it itself (it may use printf style), for the
 * servers whose {@code java.util.logging} is JBoss LogManager (WildFly). The module does not bundle jboss-logmanager:
 * where the application cannot see it (Open Liberty), {@link #formatted} answers null and {@code ExtLogRecord} is
 * never loaded.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
final class ExtRecordMessages {
    private static final boolean VISIBLE = visible();

    private ExtRecordMessages() {
    }

    /** The record's own formatted message, or null if it is not a JBoss LogManager record. */
    static String formatted(LogRecord record) {
        return VISIBLE ? Visible.formatted(record) : null;
    }

    private static boolean visible() {
        try {
            Class.forName("org.jboss.logmanager.ExtLogRecord", false, ExtRecordMessages.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when jboss-logmanager is visible. */
    private static final class Visible {
        static String formatted(LogRecord record) {
            return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : null;
        }
    }
}
