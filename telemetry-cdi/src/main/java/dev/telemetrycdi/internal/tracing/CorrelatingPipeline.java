package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.logging.LogPipeline;

/**
 * Adds {@code trace_id}, {@code span_id} and {@code trace_flags} of the span current on the logging thread to every
 * line written inside one, then hands the line on. Used only when the application can see OpenTelemetry.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
public final class CorrelatingPipeline implements LogPipeline {
    private final LogPipeline next;
    private final SpanAccess spans;

    public CorrelatingPipeline(LogPipeline next, SpanAccess spans) {
        this.next = next;
        this.spans = spans;
    }

    @Override
    public boolean isEnabled(LogLevel level) {
        return next.isEnabled(level);
    }

    @Override
    public void publish(LogEvent event) {
        if (event.context().indexOf(FieldNames.TRACE_ID) < 0 && event.fields().indexOf(FieldNames.TRACE_ID) < 0) {
            var correlation = spans.correlation();
            if (!correlation.isEmpty()) {
                event = new LogEvent(event.epochMillis(), event.level(), event.logger(), event.event(),
                        event.context().withAll(correlation), event.fields(), event.thrown());
            }
        }
        next.publish(event);
    }
}
