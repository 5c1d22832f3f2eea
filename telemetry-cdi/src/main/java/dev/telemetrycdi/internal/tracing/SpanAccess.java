package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.internal.context.Fields;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * The current OpenTelemetry span, seen through the server's MicroProfile Telemetry, or nothing at all when the
 * application cannot see the OpenTelemetry API (no telemetry feature, or its API not visible to the application).
 *
 * <p>Internal API: may change without notice. Implementations are thread-safe and never throw.
 */
public interface SpanAccess {
    /** Nothing: no OpenTelemetry for this application. */
    SpanAccess NONE = new SpanAccess() {
        @Override
        public Fields correlation() {
            return Fields.EMPTY;
        }

        @Override
        public void annotate(Fields fields) {
        }

    };

    /** {@code trace_id}, {@code span_id} and {@code trace_flags} of the current span, or EMPTY outside any span. */
    Fields correlation();

    /** Adds {@code fields} as attributes of the current span, if it is recording. */
    void annotate(Fields fields);

    /**
     * Starts the system metrics on the runtime's {@code OpenTelemetry} (a CDI bean of MicroProfile Telemetry);
     * closing the result stops them. Throws if the runtime offers no such bean. Without OpenTelemetry: nothing.
     */
    default AutoCloseable openSystemMetrics(BeanManager beans) {
        return () -> { };
    }

    /** The OpenTelemetry access if the API is visible to {@code loader}, else {@link #NONE}. */
    static SpanAccess detect(ClassLoader loader) {
        try {
            Class.forName("io.opentelemetry.api.trace.Span", false, loader);
            return new OpenTelemetrySpans();
        } catch (ClassNotFoundException | LinkageError e) {
            return NONE;
        }
    }
}
