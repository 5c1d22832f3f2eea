package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.batch.runtime.context.JobContext;

import java.util.Properties;

/**
 * The span of a job run, opened by {@code telemetryJobListener} with tracing on: {@code job <name>}, internal, with
 * the job's context as attributes, a child of the trace context the job-level properties {@code traceparent} /
 * {@code tracestate} carry (written by {@link TelemetryJobXmlResolver} from the starting request on WildFly), or a
 * new trace without them. Current on the job's thread until the job ends, so the job's lines carry its ids.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless); never throws.
 */
final class JobSpans {
    static final String PREFIX = "job";

    private JobSpans() {
    }

    static SpanAccess.SpanScope open(SpanAccess spans, JobContext job, Fields context) {
        if (spans == null || spans == SpanAccess.NONE) {
            return SpanAccess.SpanScope.NONE;
        }
        try {
            Properties properties = job.getProperties();
            Object parent = properties == null ? null : spans.extract(properties::getProperty);
            String name = job.getJobName() == null ? PREFIX : PREFIX + " " + job.getJobName();
            return spans.openSpan(parent, name, SpanAccess.Kind.INTERNAL, context);
        } catch (RuntimeException | LinkageError e) {
            return SpanAccess.SpanScope.NONE;
        }
    }
}
