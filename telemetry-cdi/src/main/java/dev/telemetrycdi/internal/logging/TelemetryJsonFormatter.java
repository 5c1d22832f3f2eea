package dev.telemetrycdi.internal.logging;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * A JBoss LogManager formatter writing the module's JSON lines, for a server handler such as a WildFly
 * {@code custom-formatter}; the record's MDC is the line's context.
 *
 * <pre>{@code
 * /subsystem=logging/custom-formatter=TELEMETRY_JSON:add(module=..., \
 *     class=dev.telemetrycdi.internal.logging.TelemetryJsonFormatter)
 * }</pre>
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class TelemetryJsonFormatter extends ExtFormatter {
    private final LineFormat format = new JsonLineFormat();

    @Override
    public String format(ExtLogRecord record) {
        return ExtRecordLines.format(format, record);
    }
}
