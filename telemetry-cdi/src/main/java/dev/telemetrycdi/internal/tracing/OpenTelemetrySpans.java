package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.internal.context.Fields;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import jakarta.enterprise.inject.spi.BeanManager;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import java.util.List;

/**
 * {@link SpanAccess} through the OpenTelemetry API of the server (loaded only when that API is visible): reads
 * {@code Span.current()}, which the runtime's own instrumentation makes current for each request.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
final class OpenTelemetrySpans implements SpanAccess {
    private final BeanManager beans;
    private volatile Tracer tracer;

    OpenTelemetrySpans(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public Object captureParent() {
        try {
            return Context.current();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    @Override
    public SpanScope openSpan(Object parent, String name, Fields attributes) {
        try {
            Tracer spans = tracer();
            var builder = spans.spanBuilder(name).setSpanKind(SpanKind.SERVER);
            if (parent instanceof Context) {
                builder.setParent((Context) parent);
            }
            Span span = builder.startSpan();
            Scope scope = span.makeCurrent();
            annotate(attributes);
            return () -> {
                try {
                    scope.close();
                } finally {
                    span.end();
                }
            };
        } catch (RuntimeException | LinkageError e) {
            return SpanScope.NONE;
        }
    }

    private Tracer tracer() {
        Tracer current = tracer;
        if (current == null) {
            current = beans.createInstance().select(OpenTelemetry.class).get().getTracer("telemetry-cdi");
            tracer = current;
        }
        return current;
    }
    @Override
    public Fields correlation() {
        try {
            SpanContext span = Span.current().getSpanContext();
            if (!span.isValid()) {
                return Fields.EMPTY;
            }
            return TraceFields.of(span.getTraceId(), span.getSpanId(), span.getTraceFlags().asHex());
        } catch (RuntimeException | LinkageError e) {
            return Fields.EMPTY;
        }
    }

    @Override
    public void annotate(Fields fields) {
        try {
            Span span = Span.current();
            if (!span.isRecording()) {
                return;
            }
            for (int i = 0; i < fields.size(); i++) {
                Object value = fields.value(i);
                String key = fields.key(i);
                if (value instanceof Long || value instanceof Integer) {
                    span.setAttribute(key, ((Number) value).longValue());
                } else if (value instanceof List) {
                    span.setAttribute(AttributeKey.stringArrayKey(key), strings((List<?>) value));
                } else if (value != null) {
                    span.setAttribute(key, value.toString());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // enrichment never breaks a request
        }
    }

    @Override
    public AutoCloseable openSystemMetrics(BeanManager beans) {
        return SystemMetrics.open(beans.createInstance().select(OpenTelemetry.class).get());
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }
}
