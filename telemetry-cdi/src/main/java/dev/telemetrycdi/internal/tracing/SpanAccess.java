package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.LineCopy;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.function.BiConsumer;
import java.util.function.Function;

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

    /**
     * The output that emits each structured line as an OpenTelemetry log record into the runtime's
     * {@code OpenTelemetry.getLogsBridge()} ({@code telemetry.log.otlp}). Call it on an application thread (Open
     * Liberty resolves the application's {@code OpenTelemetry} from the calling thread); the result is then used on
     * the writer thread. Throws if the runtime offers no such bean. Without OpenTelemetry: {@link LineCopy#NONE}.
     *
     * @param application the application's class loader, which decides whether records get an event name
     */
    default LineCopy openLogRecords(BeanManager beans, ClassLoader application) {
        return LineCopy.NONE;
    }

    /**
     * Opens a server span named {@code name} under the trace context captured by {@link #captureParent()}, with
     * {@code attributes}, current until the returned scope is closed. Without OpenTelemetry: nothing.
     */
    default SpanScope openSpan(Object parent, String name, Fields attributes) {
        return openSpan(parent, name, Kind.SERVER, attributes);
    }

    /**
     * Opens a span of {@code kind} named {@code name} under {@code parent} (from {@link #captureParent()} or
     * {@link #extract}; null: under the current context), with {@code attributes}, current until the returned
     * scope is closed. Without OpenTelemetry: nothing.
     */
    default SpanScope openSpan(Object parent, String name, Kind kind, Fields attributes) {
        return SpanScope.NONE;
    }

    /**
     * Writes the current trace context into a carrier through {@code setter} (name, value), with the runtime's
     * propagators (W3C {@code traceparent} and {@code tracestate} by default). Without OpenTelemetry: nothing.
     */
    default void inject(BiConsumer<String, String> setter) {
    }

    /**
     * The trace context found in a carrier through {@code getter} (name to value, or null), to pass as the parent
     * of {@link #openSpan(Object, String, Kind, Fields)}: a new trace when the carrier holds none or an invalid one.
     * Without OpenTelemetry: null.
     */
    default Object extract(Function<String, String> getter) {
        return null;
    }

    /** The current trace context, to continue later (e.g. in a connection's messages); null without OpenTelemetry. */
    default Object captureParent() {
        return null;
    }

    /** The empty trace context (no span), to start a thread clean; null without OpenTelemetry. */
    default Object emptyContext() {
        return null;
    }

    /**
     * Makes {@code captured} (from {@link #captureParent()}) the thread's current context again if another one is
     * current now, e.g. one that instrumentation left behind. Without OpenTelemetry: nothing.
     */
    default void restoreContext(Object captured) {
    }

    /** The kinds of span the module opens (OpenTelemetry's {@code SpanKind}). */
    enum Kind {
        SERVER, INTERNAL, CONSUMER
    }

    /** A span made current until closed. */
    interface SpanScope extends AutoCloseable {
        SpanScope NONE = () -> { };

        @Override
        void close();
    }

    /**
     * The OpenTelemetry access if the application sees the OpenTelemetry API ({@code apiVisible}: the tracing
     * capability, decided once at start-up), else {@link #NONE}. No OpenTelemetry class is loaded without it.
     */
    static SpanAccess of(boolean apiVisible, BeanManager beans) {
        if (!apiVisible) {
            return NONE;
        }
        try {
            return new OpenTelemetrySpans(beans);
        } catch (RuntimeException | LinkageError e) {
            return NONE;
        }
    }
}
