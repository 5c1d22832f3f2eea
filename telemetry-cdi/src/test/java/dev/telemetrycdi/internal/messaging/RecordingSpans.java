package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.tracing.SpanAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** A {@link SpanAccess} that records the spans it opens and what it extracts, and injects a fixed context. */
final class RecordingSpans implements SpanAccess {
    final List<Opened> opened = new ArrayList<>();
    String injectTraceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    /** One opened span: its parent (the extracted traceparent), name, kind, attributes, and whether it ended. */
    static final class Opened {
        final Object parent;
        final String name;
        final Kind kind;
        final Fields attributes;
        boolean closed;
        Fields contextInside;

        Opened(Object parent, String name, Kind kind, Fields attributes) {
            this.parent = parent;
            this.name = name;
            this.kind = kind;
            this.attributes = attributes;
        }
    }

    @Override
    public Fields correlation() {
        return Fields.EMPTY;
    }

    @Override
    public void annotate(Fields fields) {
    }

    @Override
    public SpanScope openSpan(Object parent, String name, Kind kind, Fields attributes) {
        Opened span = new Opened(parent, name, kind, attributes);
        opened.add(span);
        return () -> span.closed = true;
    }

    /** The "context" extracted is the carrier's traceparent and tracestate, as text. */
    @Override
    public Object extract(Function<String, String> getter) {
        return getter.apply("traceparent") + "|" + getter.apply("tracestate");
    }

    @Override
    public void inject(BiConsumer<String, String> setter) {
        setter.accept("traceparent", injectTraceparent);
        setter.accept("baggage", "not=carried");
    }
}
