package dev.telemetrycdi.internal.logging;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * A JBoss LogManager formatter writing the module's pretty console lines, for a server handler such as a WildFly
 * {@code custom-formatter}; the record's MDC is the line's context. ANSI colours are off unless the
 * {@code colors} property is {@code true}.
 *
 * <pre>{@code
 * /subsystem=logging/custom-formatter=TELEMETRY_PRETTY:add(module=..., \
 *     class=dev.telemetrycdi.internal.logging.TelemetryPrettyFormatter, properties={colors=true})
 * }</pre>
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class TelemetryPrettyFormatter extends ExtFormatter {
    private volatile boolean colors;
    private volatile LineFormat format = new PrettyLineFormat(false);

    public boolean isColors() {
        return colors;
    }

    /** Turns ANSI colours on or off (a configuration property). */
    public void setColors(boolean colors) {
        this.colors = colors;
        this.format = new PrettyLineFormat(colors);
    }

    @Override
    public String format(ExtLogRecord record) {
        return ExtRecordLines.format(format, record);
    }
}
