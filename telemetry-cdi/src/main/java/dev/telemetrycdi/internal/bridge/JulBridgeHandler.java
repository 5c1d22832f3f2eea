package dev.telemetrycdi.internal.bridge;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.logging.JulRecords;
import dev.telemetrycdi.internal.logging.LogPipeline;
import dev.telemetrycdi.internal.logging.ServerLogOutput;

import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A {@code java.util.logging} handler that turns the application's own JUL and JBoss Logging records into
 * structured lines with the context bound on the logging thread. JUL loggers are shared by all applications on the
 * server: records logged under another application's context class loader are left alone, and so are the module's
 * own output records ({@link ServerLogOutput}), which would otherwise come back in a loop.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws into the caller.
 */
final class JulBridgeHandler extends Handler {
    private final LogPipeline pipeline;
    private final ClassLoader application;

    JulBridgeHandler(LogPipeline pipeline, ClassLoader application) {
        this.pipeline = pipeline;
        this.application = application;
    }

    @Override
    public void publish(LogRecord record) {
        try {
            if (record == null || Thread.currentThread().getContextClassLoader() != application
                    || !pipeline.isEnabled(LogLevel.fromJul(record.getLevel()))
                    || ServerLogOutput.LOGGER_NAME.equals(record.getLoggerName())) {
                return;
            }
            pipeline.publish(JulRecords.toEvent(record, ContextStorage.current()));
        } catch (RuntimeException e) {
            // a log call never breaks the application
        }
    }

    @Override
    public void flush() {
        // the pipeline flushes on its own thread
    }

    @Override
    public void close() {
        // the pipeline's lifecycle is owned by the runtime, not by JUL
    }
}
