package dev.telemetrycdi.internal.work;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkScopeTest {
    private static final WorkKind KIND = new WorkKind("test.work", "work_started", "work_completed", "work_failed");
    private static final Fields PREVIOUS = Fields.of("request.id", "previous", "labels", "kept");
    private static final Fields UNIT = Fields.of("task.id", "t-1");

    private final CapturedLines lines = new CapturedLines(LogLevel.TRACE).activate();
    private final List<String> order = new ArrayList<>();

    @AfterEach
    void release() {
        lines.close();
        assertTrue(ContextStorage.current().isEmpty(), "no context left on the thread");
    }

    @Test
    void theUnitsContextReplacesTheThreadsAndTheSpanOpensInsideItAndClosesFirst() {
        AtomicReference<Fields> whenOpened = new AtomicReference<>();
        AtomicReference<Fields> whenClosed = new AtomicReference<>();
        try (ContextStorage.Scope previous = ContextStorage.attach(PREVIOUS)) {
            try (WorkScope scope = WorkScope.bind(UNIT, () -> {
                whenOpened.set(ContextStorage.current());
                return () -> whenClosed.set(ContextStorage.current());
            })) {
                assertSame(UNIT, ContextStorage.current(), "replaced, not overlaid");
            }
            assertSame(PREVIOUS, ContextStorage.current(), "restored");
        }
        assertSame(UNIT, whenOpened.get());
        assertSame(UNIT, whenClosed.get(), "the span ends before the context is restored");
    }

    @Test
    void aFailingRunRestoresTheContextAndEndsTheSpanAndRethrowsUnchanged() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad");
        try (ContextStorage.Scope previous = ContextStorage.attach(PREVIOUS)) {
            IllegalArgumentException caught = assertThrows(IllegalArgumentException.class, () -> {
                try (WorkScope scope = WorkScope.bind(UNIT, () -> () -> order.add("span closed"))) {
                    KIND.start().run(UNIT, () -> {
                        throw thrown;
                    }, null);
                }
            });
            assertSame(thrown, caught);
            assertSame(PREVIOUS, ContextStorage.current(), "restored after the failure");
        }
        assertEquals(List.of("span closed"), order);
        assertEquals(List.of("work_started", "work_failed"),
                lines.events.stream().map(each -> each.event()).toList());
    }

    @Test
    void aSpanThatFailsToOpenLeavesTheUnitWithoutOneAndTheContextBound() {
        try (WorkScope scope = WorkScope.bind(UNIT, () -> {
            throw new IllegalStateException("no tracer");
        })) {
            assertSame(UNIT, ContextStorage.current());
        }
        assertTrue(ContextStorage.current().isEmpty());
    }

    @Test
    void aSpanThatFailsToCloseStillRestoresTheContextAndDoesNotThrow() {
        try (ContextStorage.Scope previous = ContextStorage.attach(PREVIOUS)) {
            WorkScope scope = WorkScope.bind(UNIT, () -> () -> {
                throw new IllegalStateException("exporter");
            });
            scope.close();
            assertSame(PREVIOUS, ContextStorage.current());
        }
    }

    @Test
    void noSpanAtAll() {
        try (WorkScope scope = WorkScope.bind(UNIT, null);
             WorkScope none = WorkScope.bind(UNIT.with("step.name", "s"), () -> SpanAccess.SpanScope.NONE)) {
            assertEquals("s", ContextStorage.current().get("step.name"));
        }
        assertTrue(ContextStorage.current().isEmpty());
    }
}
