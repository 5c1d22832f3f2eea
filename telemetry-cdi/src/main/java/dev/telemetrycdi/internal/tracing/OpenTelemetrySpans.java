package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.LineCopy;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import jakarta.enterprise.inject.spi.BeanManager;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * {@link SpanAccess} through the OpenTelemetry API of the server (loaded only when that API is visible): reads
 * {@code Span.current()}, which the runtime's own instrumentation makes current for each request.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
final class OpenTelemetrySpans implements SpanAccess {
    private final BeanManager beans;
    private volatile Tracer tracer;
    private volatile TextMapPropagator propagator;

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
    public Object emptyContext() {
        try {
            return Context.root();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    @Override
    @SuppressWarnings("MustBeClosedChecker") // the scope is dropped on purpose: the captured context stays current
    public void restoreContext(Object captured) {
        try {
            if (captured instanceof Context && Context.current() != captured) {
                ((Context) captured).makeCurrent();
            }
        } catch (RuntimeException | LinkageError e) {
            // nothing to put back
        }
    }

    @Override
    public SpanScope openSpan(Object parent, String name, Kind kind, Fields attributes) {
        try {
            Tracer spans = tracer();
            var builder = spans.spanBuilder(name).setSpanKind(spanKind(kind));
            if (parent instanceof Context) {
                builder.setParent((Context) parent);
            }
            Span span = builder.startSpan();
            Scope scope = span.makeCurrent();
            ContextStorage.Scope bound;
            try {
                annotate(attributes);
                // the span's ids join the thread's context while it is current, so that what mirrors the context
                // (the application's MDC / ThreadContext) shows them as the module's own lines do
                bound = ContextStorage.attach(ContextStorage.current().withAll(correlation()));
            } catch (RuntimeException | LinkageError e) {
                scope.close(); // the span is not left current, nor unended, on a failure after it was started
                span.end();
                throw e;
            }
            return () -> {
                try {
                    bound.close();
                    scope.close();
                } finally {
                    span.end();
                }
            };
        } catch (RuntimeException | LinkageError e) {
            return SpanScope.NONE;
        }
    }

    @Override
    public void inject(BiConsumer<String, String> setter) {
        try {
            propagator().inject(Context.current(), setter, (carrier, key, value) -> {
                if (carrier != null) {
                    carrier.accept(key, value);
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // propagation is best effort
        }
    }

    @Override
    public Object extract(Function<String, String> getter) {
        try {
            return propagator().extract(Context.root(), getter, new TextMapGetter<Function<String, String>>() {
                @Override
                public Iterable<String> keys(Function<String, String> carrier) {
                    return List.of();
                }

                @Override
                public String get(Function<String, String> carrier, String key) {
                    return carrier == null ? null : carrier.apply(key);
                }
            });
        } catch (RuntimeException | LinkageError e) {
            return Context.root();
        }
    }

    private static SpanKind spanKind(Kind kind) {
        switch (kind) {
            case INTERNAL:
                return SpanKind.INTERNAL;
            case CONSUMER:
                return SpanKind.CONSUMER;
            default:
                return SpanKind.SERVER;
        }
    }

    private TextMapPropagator propagator() {
        TextMapPropagator current = propagator;
        if (current == null) {
            try {
                current = beans.createInstance().select(OpenTelemetry.class).get().getPropagators()
                        .getTextMapPropagator();
            } catch (RuntimeException e) {
                current = W3CTraceContextPropagator.getInstance();
            }
            propagator = current;
        }
        return current;
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

    @Override
    public LineCopy openLogRecords(BeanManager beans, ClassLoader application) {
        return OtlpLogRecords.of(beans.createInstance().select(OpenTelemetry.class).get().getLogsBridge(), application);
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }
}
