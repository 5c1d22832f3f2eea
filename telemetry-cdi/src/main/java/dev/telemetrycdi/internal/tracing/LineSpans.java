package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;

/**
 * The context a log record is emitted in, rebuilt from its line's own {@code trace_id}, {@code span_id} and
 * {@code trace_flags}: the root context with that span (the empty context when the ids are not valid ones). The
 * last one is kept, because the lines of one request come one after another and share it: checking three short
 * strings is cheaper than validating the ids again and building the context.
 *
 * <p>Internal API: may change without notice. Confined to one thread (the sink's writer).
 */
final class LineSpans {
    private String traceId;
    private String spanId;
    private String flags;
    private Context last = Context.root();

    /** The context of the span {@code traceId}/{@code spanId}, {@code flags} its hex flags or null (not sampled). */
    Context context(String traceId, String spanId, String flags) {
        if (traceId.equals(this.traceId) && spanId.equals(this.spanId)
                && (flags == null ? this.flags == null : flags.equals(this.flags))) {
            return last;
        }
        TraceFlags traceFlags = isFlags(flags) ? TraceFlags.fromHex(flags, 0) : TraceFlags.getDefault();
        SpanContext span = SpanContext.create(traceId, spanId, traceFlags, TraceState.getDefault());
        last = span.isValid() ? Context.root().with(Span.wrap(span)) : Context.root();
        this.traceId = traceId;
        this.spanId = spanId;
        this.flags = flags;
        return last;
    }

    /** Two lower-case hex digits, as {@code trace_flags} are written. */
    private static boolean isFlags(String flags) {
        return flags != null && flags.length() == 2 && isHex(flags.charAt(0)) && isHex(flags.charAt(1));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
