package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.concurrent.ContextService;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link ContextService} whose contextual objects ({@code contextualRunnable}, ..., {@code createContextualProxy},
 * {@code currentContextExecutor}) also carry the module's context of the thread that made them, on every server
 * (Open Liberty's default context service clears it). {@code withContextCapture} is the server's, unchanged.
 * While the server makes its object, {@link TelemetryContextProvider} steps aside ({@link HandOver}).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class TelemetryContextService implements ContextService {
    final ContextService delegate;
    private final TaskTelemetry tasks;

    public TelemetryContextService(ContextService delegate, TaskTelemetry tasks) {
        this.delegate = delegate;
        this.tasks = tasks;
    }

    @Override
    public <R> Callable<R> contextualCallable(Callable<R> callable) {
        return bound(callable, delegate::contextualCallable, Callable.class);
    }

    @Override
    public <T, U> BiConsumer<T, U> contextualConsumer(BiConsumer<T, U> consumer) {
        return bound(consumer, delegate::contextualConsumer, BiConsumer.class);
    }

    @Override
    public <T> Consumer<T> contextualConsumer(Consumer<T> consumer) {
        return bound(consumer, delegate::contextualConsumer, Consumer.class);
    }

    @Override
    public <T, U, R> BiFunction<T, U, R> contextualFunction(BiFunction<T, U, R> function) {
        return bound(function, delegate::contextualFunction, BiFunction.class);
    }

    @Override
    public <T, R> Function<T, R> contextualFunction(Function<T, R> function) {
        return bound(function, delegate::contextualFunction, Function.class);
    }

    @Override
    public Runnable contextualRunnable(Runnable runnable) {
        return bound(runnable, delegate::contextualRunnable, Runnable.class);
    }

    @Override
    public <R> Supplier<R> contextualSupplier(Supplier<R> supplier) {
        return bound(supplier, delegate::contextualSupplier, Supplier.class);
    }

    @Override
    public <T> T createContextualProxy(T instance, Class<T> intf) {
        return bound(instance, i -> delegate.createContextualProxy(i, intf), intf);
    }

    @Override
    public Object createContextualProxy(Object instance, Class<?>... interfaces) {
        return bound(instance, i -> delegate.createContextualProxy(i, interfaces), interfaces);
    }

    @Override
    public <T> T createContextualProxy(T instance, Map<String, String> properties, Class<T> intf) {
        return bound(instance, i -> delegate.createContextualProxy(i, properties, intf), intf);
    }

    @Override
    public Object createContextualProxy(Object instance, Map<String, String> properties, Class<?>... interfaces) {
        return bound(instance, i -> delegate.createContextualProxy(i, properties, interfaces), interfaces);
    }

    @Override
    public Executor currentContextExecutor() {
        BoundContext context = BoundContext.capture(tasks);
        if (context == null) {
            return delegate.currentContextExecutor();
        }
        boolean marked = HandOver.begin(true);
        Executor server;
        try {
            server = delegate.currentContextExecutor();
        } finally {
            HandOver.end(marked);
        }
        return command -> context.run(() -> server.execute(command));
    }

    @Override
    public Map<String, String> getExecutionProperties(Object contextualProxy) {
        return delegate.getExecutionProperties(BoundProxy.unwrap(contextualProxy));
    }

    @Override
    public <T> CompletableFuture<T> withContextCapture(CompletableFuture<T> stage) {
        return delegate.withContextCapture(stage);
    }

    @Override
    public <T> CompletionStage<T> withContextCapture(CompletionStage<T> stage) {
        return delegate.withContextCapture(stage);
    }

    @Override
    public String toString() {
        return "telemetry(" + delegate + ")";
    }

    /**
     * The server's contextual object for {@code instance}, bound to the current context as {@code interfaces}; the
     * server's alone when the module does not run or the binding fails (never thrown into the application).
     */
    @SuppressWarnings("unchecked")
    private <T, P> P bound(T instance, Function<T, ?> server, Class<?>... interfaces) {
        BoundContext context = instance == null ? null : BoundContext.capture(tasks);
        if (context == null) {
            return (P) server.apply(instance);
        }
        Object contextual;
        boolean marked = HandOver.begin(true);
        try {
            contextual = server.apply(instance);
        } finally {
            HandOver.end(marked);
        }
        try {
            return (P) BoundProxy.of(contextual, context, interfaces);
        } catch (RuntimeException | LinkageError e) {
            return (P) contextual;
        }
    }
}
