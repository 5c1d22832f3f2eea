package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decorators of the server's default resources: the context is captured once (the provider steps aside while a
 * decorator hands over, and only then), threads and contextual objects carry their creator's context without task
 * lines, dependent stages of a future capture when they are created, and the injection target swaps only server
 * resources.
 */
class ResourceDecoratorsTest {
    private static final Fields REQUEST = Fields.of("request.id", "r-1");

    private final TaskTelemetry tasks = new TaskTelemetry(() -> true, () -> SpanAccess.NONE);
    private final TelemetryContextProvider provider = new TelemetryContextProvider();
    private final InProcessExecutor server = new InProcessExecutor();
    private final CapturedLines lines = new CapturedLines(LogLevel.DEBUG).activate();

    @AfterEach
    void release() throws InterruptedException {
        server.shutdownNow();
        assertTrue(server.awaitTermination(5, TimeUnit.SECONDS));
        lines.close();
        assertTrue(ContextStorage.current().isEmpty(), "the test thread keeps nothing");
        assertTrue(!HandOver.carried(), "the hand-over mark is always reset");
    }

    @Test
    void theProviderStepsAsideWhileADecoratorHandsOverAndOnlyThen() throws Exception {
        ManagedExecutorService executor = (ManagedExecutorService) ResourceDecorators.decorate(server, tasks);
        try (ContextStorage.Scope ignored = ContextStorage.attach(REQUEST)) {
            assertEquals("r-1", executor.submit(() -> ContextStorage.current().get("request.id"))
                    .get(5, TimeUnit.SECONDS));
            server.submit(() -> "plain").get(5, TimeUnit.SECONDS);
        }
        assertSame(TelemetryContextProvider.Snapshot.STEP_ASIDE, server.snapshots.get(0), "captured once");
        assertInstanceOf(TelemetryContextProvider.Snapshot.class, server.snapshots.get(1));
        assertTrue(server.snapshots.get(1) != TelemetryContextProvider.Snapshot.STEP_ASIDE,
                "an undecorated submission is the provider's");
        try (ContextStorage.Scope worker = ContextStorage.attach(Fields.of("request.id", "worker"))) {
            ThreadContextRestorer restorer = ((ThreadContextSnapshot) server.snapshots.get(0)).begin();
            assertEquals("worker", ContextStorage.current().get("request.id"), "stepping aside binds nothing");
            restorer.endContext();
        }
        assertEquals(1, lines.named("task_started").size(), lines.events.toString());
    }

    @Test
    void aDecoratedFactorysThreadRunsInItsCreatorsContextWithoutTaskLines() throws Exception {
        AtomicReference<Object> snapshot = new AtomicReference<>();
        ManagedThreadFactory serverFactory = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable work) {
                snapshot.set(provider.currentContext(Map.of()));   // as WildFly does at newThread
                return new Thread(work);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                return null;
            }
        };
        ManagedThreadFactory factory = (ManagedThreadFactory) ResourceDecorators.decorate(serverFactory, tasks);
        assertSame(factory, ResourceDecorators.decorate(factory, tasks), "never decorated twice");
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread thread;
        try (ContextStorage.Scope ignored = ContextStorage.attach(REQUEST)) {
            thread = factory.newThread(() -> seen.set(ContextStorage.current()));
        }
        thread.start();
        thread.join(5_000);
        assertEquals(REQUEST, seen.get());
        assertSame(TelemetryContextProvider.Snapshot.STEP_ASIDE, snapshot.get());
        assertEquals(List.of(), lines.events.stream().map(LogEvent::event).toList(), "a thread is not a task");
    }

    @Test
    void aDecoratedContextServicesObjectsCarryTheContextAndTheirExceptionsUnchanged() throws Exception {
        ContextService contexts = (ContextService) ResourceDecorators.decorate(new IdentityContextService(), tasks);
        Callable<Object> callable;
        Runnable failing;
        try (ContextStorage.Scope ignored = ContextStorage.attach(REQUEST)) {
            callable = contexts.contextualCallable(() -> ContextStorage.current().get("request.id"));
            failing = contexts.createContextualProxy(() -> {
                throw new IllegalStateException("own");
            }, Runnable.class);
        }
        assertEquals("r-1", server.submit(callable).get(5, TimeUnit.SECONDS));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, failing::run);
        assertEquals("own", thrown.getMessage());
        assertEquals(Map.of("unwrapped", "yes"), contexts.getExecutionProperties(callable));
        assertNull(server.submit(() -> ContextStorage.current().get("request.id")).get(5, TimeUnit.SECONDS),
                "the worker keeps nothing");
    }

    @Test
    void aDependentAsyncStageRunsAsATaskInTheContextOfTheThreadThatCreatedIt() throws Exception {
        ManagedExecutorService executor = (ManagedExecutorService) ResourceDecorators.decorate(server, tasks);
        java.util.concurrent.CompletableFuture<Object> stage;
        try (ContextStorage.Scope ignored = ContextStorage.attach(REQUEST)) {
            java.util.concurrent.CompletableFuture<String> first = executor.supplyAsync(() -> "x");
            first.join();
            stage = first.thenApplyAsync(x -> ContextStorage.current().get("request.id") + "/"
                    + ContextStorage.current().get("task.name"));
        }
        assertEquals("r-1/CompletableFuture.UniApply", stage.get(5, TimeUnit.SECONDS));
        // the stage completes its future inside the task, before task_completed is written
        server.submit(() -> null).get(5, TimeUnit.SECONDS);
        assertEquals(2, lines.named("task_completed").size(), lines.events.toString());
    }

    @Test
    void theInjectionTargetSwapsTheServersResourcesAfterTheContainersInjection() throws Exception {
        Holder holder = new Holder();
        List<java.lang.reflect.Field> fields = List.of(Holder.class.getDeclaredField("executor"),
                Holder.class.getDeclaredField("other"));
        @SuppressWarnings("unchecked")
        jakarta.enterprise.inject.spi.InjectionTarget<Holder> container = (jakarta.enterprise.inject.spi.InjectionTarget<Holder>)
                Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {jakarta.enterprise.inject.spi.InjectionTarget.class}, (proxy, method, args) -> {
                            if (method.getName().equals("inject")) {
                                ((Holder) args[0]).executor = server;
                                ((Holder) args[0]).other = "not a resource";
                            }
                            return null;
                        });
        new DecoratingInjectionTarget<>(container, fields, () -> tasks).inject(holder, null);
        assertInstanceOf(TelemetryScheduledExecutorService.class, holder.executor);
        assertEquals("not a resource", holder.other);
    }

    static final class Holder {
        Object executor;
        Object other;
    }

    /** A context service that applies no context of its own and tags its objects' execution properties. */
    private static final class IdentityContextService implements ContextService {
        @Override
        public <R> Callable<R> contextualCallable(Callable<R> callable) {
            return callable;
        }

        @Override
        public <T, U> java.util.function.BiConsumer<T, U> contextualConsumer(java.util.function.BiConsumer<T, U> c) {
            return c;
        }

        @Override
        public <T> java.util.function.Consumer<T> contextualConsumer(java.util.function.Consumer<T> consumer) {
            return consumer;
        }

        @Override
        public <T, U, R> java.util.function.BiFunction<T, U, R> contextualFunction(
                java.util.function.BiFunction<T, U, R> function) {
            return function;
        }

        @Override
        public <T, R> java.util.function.Function<T, R> contextualFunction(java.util.function.Function<T, R> f) {
            return f;
        }

        @Override
        public Runnable contextualRunnable(Runnable runnable) {
            return runnable;
        }

        @Override
        public <R> java.util.function.Supplier<R> contextualSupplier(java.util.function.Supplier<R> supplier) {
            return supplier;
        }

        @Override
        public <T> T createContextualProxy(T instance, Class<T> intf) {
            return instance;
        }

        @Override
        public Object createContextualProxy(Object instance, Class<?>... interfaces) {
            return instance;
        }

        @Override
        public <T> T createContextualProxy(T instance, Map<String, String> props, Class<T> intf) {
            return instance;
        }

        @Override
        public Object createContextualProxy(Object instance, Map<String, String> props, Class<?>... interfaces) {
            return instance;
        }

        @Override
        public java.util.concurrent.Executor currentContextExecutor() {
            return Runnable::run;
        }

        @Override
        public Map<String, String> getExecutionProperties(Object proxy) {
            if (Proxy.isProxyClass(proxy.getClass())) {
                throw new IllegalArgumentException("not one of mine: " + proxy);
            }
            return Map.of("unwrapped", "yes");
        }

        @Override
        public <T> java.util.concurrent.CompletableFuture<T> withContextCapture(
                java.util.concurrent.CompletableFuture<T> stage) {
            return stage;
        }

        @Override
        public <T> java.util.concurrent.CompletionStage<T> withContextCapture(
                java.util.concurrent.CompletionStage<T> stage) {
            return stage;
        }
    }
}
