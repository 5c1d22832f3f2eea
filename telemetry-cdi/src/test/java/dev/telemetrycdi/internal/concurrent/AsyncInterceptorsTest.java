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

    /**
     * While the container hands the call to its executor, the provider (which the container's executor asks for a
     * snapshot) steps aside; on the worker, and after the hand-over, it captures again. The EJB case, where both
     * interceptors run on one thread, too.
     */
    @Test
    void theProviderStepsAsideOnlyWhileTheContainerHandsTheCallOver() throws Exception {
        TelemetryContextProvider provider = new TelemetryContextProvider();
        AtomicReference<Object> atHandOver = new AtomicReference<>();
        AtomicReference<Object> inMethod = new AtomicReference<>();
        Map<String, Object> data = new HashMap<>();
        InvocationContext onWorker = invocation(data, () -> {
            inMethod.set(provider.currentContext(Map.of()));
            return null;
        });
        InvocationContext onCaller = invocation(data, () -> {
            atHandOver.set(provider.currentContext(Map.of()));
            return worker.submit(() -> run.run(onWorker)).get();
        });
        try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "r-h"))) {
            capture.capture(onCaller);
            assertSame(TelemetryContextProvider.Snapshot.STEP_ASIDE, atHandOver.get());
            assertTrue(provider.currentContext(Map.of()) != TelemetryContextProvider.Snapshot.STEP_ASIDE);
            AtomicReference<Object> sameThread = new AtomicReference<>();
            Map<String, Object> shared = new HashMap<>();
            capture.capture(invocation(shared, () -> run.run(invocation(shared, () -> {
                sameThread.set(provider.currentContext(Map.of()));
                return null;
            }))));
            assertTrue(sameThread.get() != TelemetryContextProvider.Snapshot.STEP_ASIDE, "inside the method");
        }
        assertTrue(inMethod.get() != TelemetryContextProvider.Snapshot.STEP_ASIDE, "on the worker");
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
