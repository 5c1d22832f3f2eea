package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;

import java.util.logging.Logger;

/**
 * Sends one event to the application's running pipeline (structured, or plain text with
 * {@code STRUCTLOG_ENABLED=false}). When none runs (the module is disabled, not started yet or stopped), the
 * application's own events still go out as plain text through {@code java.util.logging}; the module's events do
 * not go out at all.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
public final class Emitter {
    private static final PlainPipeline FALLBACK = new PlainPipeline();

    private Emitter() {
    }

    public static boolean isEnabled(String logger, LogLevel level) {
        LogPipeline pipeline = LogRouter.active();
        return pipeline != null ? pipeline.isEnabled(level) : Logger.getLogger(logger).isLoggable(level.toJul());
    }

    /** An event of the application ({@code EventLogger}). */
    public static void emit(LogLevel level, String logger, String event, Fields context, Fields fields,
                            Throwable thrown) {
        LogPipeline pipeline = LogRouter.active();
        publish(pipeline != null ? pipeline : FALLBACK, level, logger, event, context, fields, thrown);
    }

    /** An event of the module itself: written only while the module runs. */
    public static void emitModule(LogLevel level, String logger, String event, Fields context, Fields fields,
                                  Throwable thrown) {
        LogPipeline pipeline = LogRouter.active();
        if (pipeline != null) {
            publish(pipeline, level, logger, event, context, fields, thrown);
        }
    }

    private static void publish(LogPipeline pipeline, LogLevel level, String logger, String event, Fields context,
                                Fields fields, Throwable thrown) {
        try {
            if (pipeline.isEnabled(level)) {
                pipeline.publish(new LogEvent(System.currentTimeMillis(), level, logger, event, context, fields,
                        thrown));
            }
        } catch (RuntimeException e) {
            // a log call never breaks the application
        }
    }
}
