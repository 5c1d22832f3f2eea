package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.cdi.Capabilities;
import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobSpansTest {
    private final CapturedLines lines = new CapturedLines(LogLevel.DEBUG).activate();
    private final List<String> spans = new ArrayList<>();
    private final SpanAccess recording = new SpanAccess() {
        @Override
        public Fields correlation() {
            return Fields.EMPTY;
        }

        @Override
        public void annotate(Fields fields) {
        }

        @Override
        public Object extract(Function<String, String> getter) {
            return getter.apply("traceparent");
        }

        @Override
        public SpanScope openSpan(Object parent, String name, Kind kind, Fields attributes) {
            spans.add("open " + name + " " + kind + " under " + parent + " as " + attributes.get("request.id"));
            return () -> spans.add("close " + name);
        }

        @Override
        public void inject(BiConsumer<String, String> setter) {
            setter.accept("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            setter.accept("baggage", "not=carried");
            setter.accept("tracestate", "k=#{expression}");
        }
    };

    @AfterEach
    void release() {
        lines.close();
        assertTrue(ContextStorage.current().isEmpty(), "the test thread is clean");
    }

    @Test
    void theJobListenerRunsTheJobInASpanUnderTheTraceItsPropertiesCarryAndEndsItFirst() {
        FakeJobContext job = new FakeJobContext("reportJob", 41);
        job.properties.setProperty("request.id", "req-1");
        job.properties.setProperty("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Running running = Running.on(null, Capabilities.ALL, recording);
        TelemetryJobListener listener = new TelemetryJobListener(job, running, id -> new Properties());
        listener.beforeJob();
        assertEquals("req-1", ContextStorage.current().get("request.id"), "from the job-level properties");
        job.status = BatchStatus.STARTED;
        listener.afterJob();
        assertEquals(List.of("open job reportJob INTERNAL under 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                + " as req-1", "close job reportJob"), spans);
    }

    @Test
    void withoutTracingNoSpan() {
        assertSame(SpanAccess.SpanScope.NONE, JobSpans.open(SpanAccess.NONE, new FakeJobContext("j", 1), Fields.EMPTY));
    }

    @Test
    void theResolverCarriesOnlyTheW3cContextAndNeverAnExpression() {
        assertEquals(Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                TelemetryJobXmlResolver.traceContext(recording));
    }
}
