package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.TelemetryContext;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two halves of an {@code @Asynchronous} method, with the container's interceptor played by a one-thread pool
 * between them: the caller's context reaches the worker, a failed returned future is task_failed.
 */
class AsyncInterceptorsTest {
    private final AsyncCaptureInterceptor capture =
            new AsyncCaptureInterceptor(new TaskTelemetry(() -> true, () -> SpanAccess.NONE));
    private final AsyncRunInterceptor run = new AsyncRunInterceptor();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final CapturedLines lines = new CapturedLines(LogLevel.DEBUG).activate();

    @AfterEach
    void release() throws InterruptedException {
        worker.shutdownNow();
        assertTrue(worker.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS));
        lines.close();
        assertTrue(ContextStorage.current().isEmpty());
    }

    public CompletableFuture<String> recompute() {
        return null;
    }

    @Test
    void theCallersContextReachesTheWorkerAsATaskNamedAfterTheMethod() throws Exception {
        AtomicReference<Map<String, Object>> during = new AtomicReference<>();
        Object returned;
        try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "r-a"))) {
            returned = asynchronously(() -> {
                during.set(TelemetryContext.current());
                return CompletableFuture.completedFuture("ok");
            });
        }
        assertEquals("ok", ((CompletableFuture<?>) ((Future<?>) returned).get()).get());
        assertEquals("r-a", during.get().get("request.id"));
        assertEquals("AsyncInterceptorsTest.recompute", during.get().get("task.name"));
        assertEquals(Map.of(), worker.submit(TelemetryContext::current).get());
        assertEquals(1, lines.named("task_completed").size());
    }

    @Test
    void aReturnedFutureThatFailedIsTaskFailedAndStillReturned() throws Exception {
        IllegalStateException failure = new IllegalStateException("standings");
        CompletableFuture<String> failed = CompletableFuture.failedFuture(failure);
        Object returned = ((Future<?>) asynchronously(() -> failed)).get();
        assertSame(failed, returned);
        assertSame(failure, lines.named("task_failed").get(0).thrown());
        assertEquals(0, lines.named("task_completed").size());
    }

    /** capture on this thread, then the rest of the chain on the worker, like the container's interceptor. */
    private Object asynchronously(Callable<Object> method) throws Exception {
        Map<String, Object> data = new HashMap<>();
        InvocationContext onWorker = invocation(data, method);
        InvocationContext onCaller = invocation(data, () -> worker.submit(() -> run.run(onWorker)));
        return capture.capture(onCaller);
    }

    private InvocationContext invocation(Map<String, Object> data, Callable<Object> next) throws Exception {
        Method method = getClass().getMethod("recompute");
        return new InvocationContext() {
            @Override
            public Object getTarget() {
                return AsyncInterceptorsTest.this;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {
            }

            @Override
            public Map<String, Object> getContextData() {
                return data;
            }

            @Override
            public Object proceed() throws Exception {
                return next.call();
            }
        };
    }
}
