package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.internal.logging.LineCopy;
import dev.telemetrycdi.internal.logging.LogEvent;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.LoggerProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;

/**
 * Emits every structured line as one OpenTelemetry log record ({@code telemetry.log.otlp}) into the runtime's
 * {@code LoggerProvider} ({@code OpenTelemetry.getLogsBridge()}), whose batch processor queues it without blocking
 * and drops it when full; mapped as {@link LogRecordMapping} describes, with the line's logger name as the
 * instrumentation scope ({@value #DEFAULT_SCOPE} for a line without one).
 *
 * <p>Lines of the OpenTelemetry SDK's own loggers ({@code io.opentelemetry}, {@code io.smallrye.opentelemetry}), which
 * a bridged category could bring in, are not emitted: an export failure must not feed the export.
 *
 * <p>Internal API: may change without notice. Confined to the sink's writer thread; never throws: the first failure
 * is reported once ({@code TCDI0012W}), later ones silently lose their record only.
 */
public final class OtlpLogRecords implements LineCopy {
    static final String DEFAULT_SCOPE = "telemetry-cdi";
    private static final int MAX_SCOPES = 256;
    private static final java.util.logging.Logger DIAGNOSTICS = java.util.logging.Logger.getLogger("dev.telemetrycdi");

    private final LoggerProvider provider;
    private final EventNames names;
    private final Map<String, Logger> scopes = new HashMap<>();
    private final AttributeKeys keys = new AttributeKeys();
    private final LineSpans spans = new LineSpans();
    private boolean failed;

    OtlpLogRecords(LoggerProvider provider, EventNames names) {
        this.provider = provider;
        this.names = names;
    }

    /**
     * The records of {@code provider} (the runtime's {@code OpenTelemetry.getLogsBridge()}), with event names where
     * {@code application}'s class loader resolves the incubator API ({@link EventNames}).
     */
    public static LineCopy of(LoggerProvider provider, ClassLoader application) {
        return new OtlpLogRecords(provider, EventNames.of(application));
    }

    @Override
    public void copy(LogEvent event) {
        String scope = event.logger() == null || event.logger().isEmpty() ? DEFAULT_SCOPE : event.logger();
        if (isExportersOwn(scope)) {
            return;
        }
        try {
            var record = LogRecordMapping.fill(logger(scope).logRecordBuilder(), event, keys, spans);
            names.set(record, event.event());
            record.emit();
        } catch (RuntimeException | LinkageError e) {
            if (!failed) {
                failed = true;
                DIAGNOSTICS.log(Level.WARNING, "TCDI0012W: telemetry-cdi cannot emit its lines as OpenTelemetry log"
                        + " records (" + e + "); the lines are still written, but some are missing from OTLP."
                        + " Please report this with the stack trace.", e);
            }
        }
    }

    private Logger logger(String scope) {
        Logger logger = scopes.get(scope);
        if (logger == null) {
            logger = provider.get(scope);
            if (scopes.size() < MAX_SCOPES) {
                scopes.put(scope, logger);
            }
        }
        return logger;
    }

    static boolean isExportersOwn(String logger) {
        return logger.startsWith("io.opentelemetry") || logger.startsWith("io.smallrye.opentelemetry");
    }
}
