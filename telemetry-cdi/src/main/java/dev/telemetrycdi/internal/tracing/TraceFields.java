package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;

/**
 * The three correlation fields of a log line written inside a span.
 *
 * <p>Internal API: may change without notice. Stateless.
 */
final class TraceFields {
    private TraceFields() {
    }

    static Fields of(String traceId, String spanId, String traceFlags) {
        return Fields.builder(3).put(FieldNames.TRACE_ID, traceId).put(FieldNames.SPAN_ID, spanId)
                .put(FieldNames.TRACE_FLAGS, traceFlags).build();
    }
}
