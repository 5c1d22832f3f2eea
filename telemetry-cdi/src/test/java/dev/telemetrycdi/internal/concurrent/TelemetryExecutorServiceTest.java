package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.TelemetryContext;
import dev.telemetrycdi.TelemetryExecutors;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decorator against a one-thread in-process executor: one scenario over every entry point (context captured at
 * submission, task fields bound, lines written, nothing left on the worker thread), failures, names, double wrapping.
 */
class TelemetryExecutorServiceTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final InProcessExecutor server = new InProcessExecutor();
    private final ManagedScheduledExecutorService executor =
            new TelemetryScheduledExecutorService(server, new TaskTelemetry(() -> true, () -> SpanAccess.NONE));
    private final BlockingQueue<Map<String, Object>> seen = new ArrayBlockingQueue<>(16);
    private final CapturedLines lines = new CapturedLines(LogLevel.DEBUG).activate();

    @AfterEach
    void release() throws InterruptedException {
        server.shutdownNow();
        assertTrue(server.awaitTermination(5, TimeUnit.SECONDS));
        lines.close();
        assertTrue(ContextStorage.current().isEmpty(), "the test thread keeps nothing");
    }

    /** One way to hand a task to the executor, waiting until it ran. */
    interface EntryPoint {
        void submit(ManagedScheduledExecutorService executor, Callable<Object> task) throws Exception;
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> entryPoints() {
        Trigger once = new Trigger() {
            @Override
            public Date getNextRunTime(LastExecution last, Date scheduled) {
                return last == null ? new Date() : null;
            }

            @Override
            public boolean skipRun(LastExecution last, Date scheduled) {
                return false;
            }
        };
        return Stream.of(
                entry("execute", (e, t) -> e.execute(runnable(t))),
                entry("submit(Runnable)", (e, t) -> e.submit(runnable(t)).get()),
                entry("submit(Runnable, T)", (e, t) -> e.submit(runnable(t), "r").get()),
                entry("submit(Callable)", (e, t) -> e.submit(t).get()),
                entry("invokeAll", (e, t) -> e.invokeAll(List.of(t)).get(0).get()),
                entry("invokeAll(timeout)", (e, t) -> e.invokeAll(List.of(t), 5, TimeUnit.SECONDS).get(0).get()),
                entry("invokeAny", (e, t) -> e.invokeAny(List.of(t))),
                entry("invokeAny(timeout)", (e, t) -> e.invokeAny(List.of(t), 5, TimeUnit.SECONDS)),
                entry("schedule(Runnable, delay)", (e, t) -> e.schedule(runnable(t), 1, TimeUnit.MILLISECONDS).get()),
                entry("schedule(Callable, delay)", (e, t) -> e.schedule(t, 1, TimeUnit.MILLISECONDS).get()),
                entry("schedule(Runnable, Trigger)", (e, t) -> e.schedule(runnable(t), once).get()),
                entry("schedule(Callable, Trigger)", (e, t) -> e.schedule(t, once).get()),
                entry("scheduleAtFixedRate", (e, t) -> once(e.scheduleAtFixedRate(runnable(t), 0, 1, TimeUnit.HOURS))),
                entry("scheduleWithFixedDelay",
                        (e, t) -> once(e.scheduleWithFixedDelay(runnable(t), 0, 1, TimeUnit.HOURS))),
                entry("runAsync", (e, t) -> e.runAsync(runnable(t)).get()),
                entry("supplyAsync", (e, t) -> e.supplyAsync(() -> {
                    try {
                        return t.call();
                    } catch (Exception x) {
                        throw new IllegalStateException(x);
                    }
                }).get()));
    }

    private static org.junit.jupiter.params.provider.Arguments entry(String name, EntryPoint entry) {
        return org.junit.jupiter.params.provider.Arguments.of(name, entry);
    }

    private static Runnable runnable(Callable<Object> task) {
        return () -> {
            try {
                task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Lets a periodic task run once (the probe signals it), then cancels it. */
    private static void once(ScheduledFuture<?> periodic) throws InterruptedException {
        Thread.sleep(200);
        periodic.cancel(false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryPoints")
    void everyEntryPointRunsItsTaskInTheSubmittersContextAndLeavesNothingBehind(String name, EntryPoint entry)
            throws Exception {
        try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "r-1", "user.id", "ada"))) {
            entry.submit(executor, this::probe);
            assertEquals(Map.of("request.id", "r-1", "user.id", "ada"), TelemetryContext.current());
        }
        Map<String, Object> during = seen.poll(5, TimeUnit.SECONDS);
        assertNotNull(during, name + " ran its task");
        assertEquals("r-1", during.get("request.id"));
        assertEquals("ada", during.get("user.id"));
        assertTrue(String.valueOf(during.get("task.id")).matches(UUID), during.toString());
        assertEquals("TelemetryExecutorServiceTest", during.get("task.name"));

        assertEquals(Map.of(), server.submit(TelemetryContext::current).get(), "nothing leaks to the next task");
        List<LogEvent> started = lines.named("task_started");
        List<LogEvent> completed = lines.named("task_completed");
        assertEquals(1, started.size(), lines.events.toString());
        assertEquals(1, completed.size(), lines.events.toString());
        assertEquals(LogLevel.INFO, completed.get(0).level());
        assertEquals(during, completed.get(0).context().toMap());
        assertTrue(completed.get(0).fields().get("duration_ms") instanceof Double);
        assertEquals(0, lines.named("task_failed").size());
    }

    private Object probe() {
        seen.add(TelemetryContext.current());
        return "done";
    }

    @Test
    void aFailingTaskIsLoggedOnceAndItsExceptionReachesTheFutureUnchanged() throws Exception {
        IllegalStateException failure = new IllegalStateException("no stats");
        Future<Object> future;
        try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "r-2"))) {
            future = executor.submit(TelemetryExecutors.named("process_match_stats", () -> {
                throw failure;
            }));
        }
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        assertSame(failure, thrown.getCause());
        assertEquals(Map.of(), server.submit(TelemetryContext::current).get());
        LogEvent failed = single("task_failed");
        assertEquals(LogLevel.ERROR, failed.level());
        assertSame(failure, failed.thrown());
        assertEquals("r-2", failed.context().get("request.id"));
        assertEquals("process_match_stats", failed.context().get("task.name"));
        assertNotNull(failed.fields().get("duration_ms"));
        assertEquals(0, lines.named("task_completed").size());
    }

    @Test
    void aRunnableRethrowsEvenACheckedExceptionUnchanged() {
        Exception checked = new java.io.IOException("disk");
        TaskContext context = new TaskTelemetry(() -> true, () -> SpanAccess.NONE).capture("t");
        Exception thrown = assertThrows(Exception.class, () -> context.run(() -> sneak(checked)));
        assertSame(checked, thrown);
        assertSame(checked, single("task_failed").thrown());
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneak(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void supplyAsyncFailsItsFutureAndDependentStagesSeeTheTasksContext() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<String> future;
        try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "r-3"))) {
            future = executor.supplyAsync(() -> {
                await(release);
                throw new IllegalArgumentException("bad match");
            });
        }
        CompletableFuture<Map<String, Object>> dependent = future.handle((value, failure) -> TelemetryContext.current());
        release.countDown();
        // the dependent first: a thread waiting in future.get() may itself run the stages the completion triggers
        assertEquals("r-3", dependent.get(5, TimeUnit.SECONDS).get("request.id"));
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        assertEquals(IllegalArgumentException.class, thrown.getCause().getClass());
        assertNotNull(dependent.get().get("task.id"));
        assertEquals(Map.of(), server.submit(TelemetryContext::current).get());
        assertEquals(IllegalArgumentException.class, single("task_failed").thrown().getClass());
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theWorkerThreadsOwnContextIsRestoredNotCleared() throws Exception {
        java.util.concurrent.ExecutorService plain = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            TaskContext task;
            try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "r-4"))) {
                task = new TaskTelemetry(() -> true, () -> SpanAccess.NONE).capture("nested");
            }
            Map<String, Object> after = plain.submit(() -> {
                try (ContextStorage.Scope own = ContextStorage.attach(Fields.of("worker", "w1"))) {
                    Map<String, Object> inside = task.call(TelemetryContext::current);
                    assertEquals(null, inside.get("worker"), "the task's context replaces the thread's");
                    assertEquals("r-4", inside.get("request.id"));
                    return TelemetryContext.current();
                }
            }).get();
            assertEquals(Map.of("worker", "w1"), after);
        } finally {
            plain.shutdownNow();
        }
    }

    @Test
    void aTaskIsNeverWrappedTwiceAndAnExecutorNeverDecoratedTwice() throws Exception {
        ManagedScheduledExecutorService twice = TelemetryExecutors.wrap(executor);
        assertSame(executor, twice);
        ManagedScheduledExecutorService outer = new TelemetryScheduledExecutorService(executor,
                new TaskTelemetry(() -> true, () -> SpanAccess.NONE));
        outer.submit(this::probe).get();
        assertEquals(Map.of(), server.submit(TelemetryContext::current).get());
        assertEquals(1, lines.named("task_started").size(), lines.events.toString());
        assertEquals(1, lines.named("task_completed").size());
    }

    @Test
    void whileTheModuleDoesNotRunTasksAreSubmittedUnwrapped() throws Exception {
        ManagedScheduledExecutorService inactive = new TelemetryScheduledExecutorService(server,
                new TaskTelemetry(() -> false, () -> SpanAccess.NONE));
        Callable<Object> task = this::probe;
        try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "r-5"))) {
            inactive.submit(task).get();
        }
        assertSame(task, server.received.get(0));
        assertEquals(Map.of(), seen.poll(5, TimeUnit.SECONDS));
        assertEquals(List.of(), lines.events.stream().map(LogEvent::event).toList());
    }

    @Test
    void eachRunOfAPeriodicTaskHasItsOwnTaskId() throws Exception {
        try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "r-6"))) {
            ScheduledFuture<?> periodic = executor.scheduleWithFixedDelay(() -> probe(), 0, 1, TimeUnit.MILLISECONDS);
            Map<String, Object> first = seen.poll(5, TimeUnit.SECONDS);
            Map<String, Object> second = seen.poll(5, TimeUnit.SECONDS);
            periodic.cancel(false);
            assertEquals("r-6", second.get("request.id"));
            assertNotEquals(first.get("task.id"), second.get("task.id"));
        }
    }

    private LogEvent single(String event) {
        List<LogEvent> named = lines.named(event);
        assertEquals(1, named.size(), lines.events.toString());
        return named.get(0);
    }
}
