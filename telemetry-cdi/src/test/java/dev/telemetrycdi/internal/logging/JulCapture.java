package dev.telemetrycdi.internal.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Captures a logger's {@code java.util.logging} records, keeping them off the console; close to detach. */
public final class JulCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final boolean useParentHandlers;

    /** Captures the module's own diagnostics. */
    JulCapture() {
        this(LoggingDiagnostics.LOGGER_NAME);
    }

    public JulCapture(String loggerName) {
        logger = Logger.getLogger(loggerName);
        useParentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    /** Every captured record. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Messages of the captured records that start with {@code messageId}. */
    List<String> messages(String messageId) {
        return records.stream().map(LogRecord::getMessage).filter(m -> m.startsWith(messageId))
                .collect(Collectors.toList());
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(useParentHandlers);
    }
}
