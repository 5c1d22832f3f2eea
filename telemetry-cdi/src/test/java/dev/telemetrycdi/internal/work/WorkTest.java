package dev.telemetrycdi.internal.work;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.logging.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkTest {
    private static final WorkKind KIND = new WorkKind("test.work", "work_started", "work_completed", "work_failed");
    private static final Fields CONTEXT = Fields.of("work.id", "w-1");

    private final CapturedLines lines = new CapturedLines(LogLevel.TRACE).activate();

    @AfterEach
    void release() {
        lines.close();
        assertTrue(ContextStorage.current().isEmpty(), "no context left on the thread");
    }

    @Test
    void aUnitThatReturnsWritesStartedThenCompletedWithItsDuration() throws Exception {
        assertEquals("result", KIND.start().run(CONTEXT, () -> "result", null));

        assertEquals(List.of("work_started", "work_completed"), events());
        LogEvent started = lines.events.get(0);
        assertEquals(LogLevel.INFO, started.level());
        assertEquals("test.work", started.logger());
        assertSame(CONTEXT, started.context());
        assertTrue(started.fields().isEmpty());
        LogEvent completed = lines.events.get(1);
        assertEquals(LogLevel.INFO, completed.level());
        assertSame(CONTEXT, completed.context());
        assertDuration(completed);
        assertNull(completed.thrown());
    }

    @Test
    void aCheckedExceptionIsWrittenAsFailedAndRethrownUnchanged() {
        IOException thrown = new IOException("disk");
        IOException caught = assertThrows(IOException.class, () -> KIND.start().run(CONTEXT, () -> {
            throw thrown;
        }, null));

        assertSame(thrown, caught);
        assertEquals(List.of("work_started", "work_failed"), events());
        LogEvent failed = lines.events.get(1);
        assertEquals(LogLevel.ERROR, failed.level());
        assertSame(thrown, failed.thrown());
        assertDuration(failed);
    }

    @Test
    void anErrorIsWrittenAsFailedAndRethrownUnchanged() {
        StackOverflowError thrown = new StackOverflowError("deep");
        assertSame(thrown, assertThrows(StackOverflowError.class, () -> KIND.start().run(CONTEXT, () -> {
            throw thrown;
        }, null)));
        assertEquals(List.of("work_started", "work_failed"), events());
        assertSame(thrown, lines.events.get(1).thrown());
    }

    @Test
    void aResultThatCarriesAFailureIsWrittenAsFailedAndStillReturned() throws Exception {
        IllegalStateException inside = new IllegalStateException("future failed");
        assertEquals("future", KIND.start().run(CONTEXT, () -> "future", result -> inside));

        assertEquals(List.of("work_started", "work_failed"), events());
        assertSame(inside, lines.events.get(1).thrown());
        assertDuration(lines.events.get(1));
    }

    @Test
    void aKindWithoutAStartedEventWritesOnlyItsClosingLine() throws Exception {
        WorkKind quiet = new WorkKind("test.quiet", null, "quiet_completed", "quiet_failed");
        quiet.start().run(CONTEXT, () -> null, null);
        assertEquals(List.of("quiet_completed"), events());
    }

    @Test
    void aClosingLineWithTheKindsOwnFieldsAndLevel() {
        Work work = KIND.start();
        work.completed(CONTEXT, LogLevel.WARNING, Fields.of("status", 404, "duration_ms", work.durationMs()));
        work.failed(CONTEXT, Fields.of("status", "FAILED"), null);

        LogEvent completed = lines.events.get(0);
        assertEquals("work_completed", completed.event());
        assertEquals(LogLevel.WARNING, completed.level());
        assertEquals(404, completed.fields().get("status"));
        LogEvent failed = lines.events.get(1);
        assertEquals("work_failed", failed.event());
        assertEquals(LogLevel.ERROR, failed.level());
        assertNull(failed.thrown());
    }

    @Test
    void startedAndEndedAreMarkedOnceEachAndIndependently() {
        Work work = KIND.start();
        assertFalse(work.isEnded());
        assertTrue(work.markStarted());
        assertFalse(work.markStarted());
        assertFalse(work.isEnded());
        assertTrue(work.markEnded());
        assertTrue(work.isEnded());
        assertFalse(work.markEnded());
    }

    @Test
    void concurrentEndsEndOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                Work work = KIND.start();
                CountDownLatch go = new CountDownLatch(1);
                AtomicInteger ended = new AtomicInteger();
                List<Future<?>> racing = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    racing.add(threads.submit(() -> {
                        go.await();
                        if (work.markEnded()) {
                            ended.incrementAndGet();
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> each : racing) {
                    each.get(10, TimeUnit.SECONDS);
                }
                assertEquals(1, ended.get(), "round " + round);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theDurationIsInMillisecondsTruncatedToATenth() throws Exception {
        Work work = KIND.start();
        Thread.sleep(3);
        double duration = work.durationMs();
        assertTrue(duration >= 3.0, "at least the 3 ms slept: " + duration);
        assertEquals(Math.rint(duration * 10), duration * 10, 1e-9, "a whole number of tenths: " + duration);
    }

    private List<String> events() {
        return lines.events.stream().map(LogEvent::event).toList();
    }

    private static void assertDuration(LogEvent line) {
        Object duration = line.fields().get("duration_ms");
        assertTrue(duration instanceof Double && (Double) duration >= 0.0, "duration_ms: " + duration);
    }
}
