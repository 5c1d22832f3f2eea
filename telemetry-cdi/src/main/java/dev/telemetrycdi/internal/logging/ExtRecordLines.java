package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.internal.context.Fields;

import java.util.Map;
import java.util.TreeMap;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Renders a JBoss LogManager record with a {@link LineFormat}: the record's MDC, sorted by key, is the line's
 * context. Uses only API that jboss-logmanager 2.1 has too (WildFly's own copy).
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless); never throws.
 */
final class ExtRecordLines {
    private ExtRecordLines() {
    }

    static String format(LineFormat format, ExtLogRecord record) {
        StringBuilder out = new StringBuilder(256);
        format.format(toEvent(record), out);
        return out.toString();
    }

    static LogEvent toEvent(ExtLogRecord record) {
        return JulRecords.toEvent(record, mdcFields(record));
    }

    private static Fields mdcFields(ExtLogRecord record) {
        Fields fields = Fields.EMPTY;
        try {
            Map<String, String> mdc = record.getMdcCopy();
            if (mdc == null || mdc.isEmpty()) {
                return fields;
            }
            for (Map.Entry<String, String> entry : new TreeMap<>(mdc).entrySet()) {
                if (entry.getKey() != null && !entry.getKey().isEmpty()) {
                    fields = fields.with(entry.getKey(), entry.getValue());
                }
            }
        } catch (RuntimeException e) {
            // an MDC that cannot be read leaves the line without context, not without the line
        }
        return fields;
    }
}
