package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineSpansTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final String OTHER_SPAN = "00f067aa0ba902b8";

    private final LineSpans spans = new LineSpans();

    private static SpanContext span(Context context) {
        return Span.fromContext(context).getSpanContext();
    }

    @Test
    void theLinesSpanWithItsFlags() {
        SpanContext sampled = span(spans.context(TRACE, SPAN, "01"));
        assertEquals(TRACE, sampled.getTraceId());
        assertEquals(SPAN, sampled.getSpanId());
        assertTrue(sampled.isSampled());
        assertFalse(span(spans.context(TRACE, SPAN, "00")).isSampled());
        assertFalse(span(spans.context(TRACE, SPAN, null)).isSampled(), "no flags: not sampled");
        assertFalse(span(spans.context(TRACE, SPAN, "zz")).isSampled(), "flags that are not hex: not sampled");
        assertTrue(span(spans.context(TRACE, SPAN, "zz")).isValid(), "the span is still the line's");
    }

    @Test
    void theSameSpanAgainGivesTheSameContextAnotherSpanItsOwn() {
        Context first = spans.context(TRACE, SPAN, "01");
        assertSame(first, spans.context(new String(TRACE), new String(SPAN), "01"), "equal ids, not the same strings");
        Context other = spans.context(TRACE, OTHER_SPAN, "01");
        assertNotSame(first, other);
        assertEquals(OTHER_SPAN, span(other).getSpanId());
        assertEquals(SPAN, span(spans.context(TRACE, SPAN, "01")).getSpanId(), "back to the first span");
        assertFalse(span(spans.context(TRACE, SPAN, "00")).isSampled(), "other flags: another context");
    }

    @Test
    void idsThatAreNotValidGiveTheEmptyContext() {
        assertSame(Context.root(), spans.context("not-hex", SPAN, "01"));
        assertSame(Context.root(), spans.context("00000000000000000000000000000000", SPAN, "01"));
        assertSame(Context.root(), spans.context(TRACE, "", "01"));
        assertTrue(span(spans.context(TRACE, SPAN, "01")).isValid(), "a valid span after invalid ones");
    }
}
