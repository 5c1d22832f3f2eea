package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.util.function.BiConsumer;

/**
 * The trace context of the current thread as W3C {@code traceparent} / {@code tracestate}, for the module's static
 * entry points, which have no running module at hand: written only while the thread's bound context is traced (it
 * carries {@code trace_id}, which the module binds only when the application's OpenTelemetry SDK runs), so that no
 * OpenTelemetry class is touched otherwise and a disabled module writes nothing.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless); never throws.
 */
public final class BoundTraceContext {
    private BoundTraceContext() {
    }

    /** Passes the current trace context's headers to {@code setter}, if the thread's bound context is traced. */
    public static void inject(BiConsumer<String, String> setter) {
        if (ContextStorage.current().get(FieldNames.TRACE_ID) == null) {
            return;
        }
        try {
            W3C.inject(setter);
        } catch (RuntimeException | LinkageError e) {
            // propagation is best effort
        }
    }

    /** Loaded only once a trace is bound, hence only when the OpenTelemetry API is visible. */
    private static final class W3C {
        static void inject(BiConsumer<String, String> setter) {
            W3CTraceContextPropagator.getInstance().inject(Context.current(), setter, (carrier, key, value) -> {
                if (carrier != null) {
                    carrier.accept(key, value);
                }
            });
        }
    }
}
