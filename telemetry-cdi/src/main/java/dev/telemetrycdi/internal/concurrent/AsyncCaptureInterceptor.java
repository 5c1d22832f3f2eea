package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.cdi.Running;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Method;

/**
 * The caller's half of an {@code @Asynchronous} method: on the calling thread, captures the caller's context into
 * the invocation's context data, where {@link AsyncRunInterceptor} finds it on the worker thread.
 *
 * <p>Priority: the container's own {@code @Asynchronous} interceptor, which hands the rest of the chain to the
 * executor, has {@code PLATFORM_BEFORE + 5} on Open Liberty
 * ({@code io.openliberty.concurrent.internal.cdi.interceptor.AsyncInterceptor}). Interceptors run in ascending
 * priority, so this one ({@code PLATFORM_BEFORE + 4}) runs before it, on the caller's thread, and
 * {@link AsyncRunInterceptor} ({@code PLATFORM_BEFORE + 6}) after it, on the worker thread.
 *
 * <p>An interceptor ({@code @Interceptor} added by {@link TaskBeans}) only where the server offers its API.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@AsyncTaskContext
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 4)
public class AsyncCaptureInterceptor {
    static final String CAPTURED = "dev.telemetrycdi.task.context";

    private final TaskTelemetry tasks;

    @Inject
    public AsyncCaptureInterceptor(Running running) {
        this.tasks = TaskTelemetry.of(running);
    }

    AsyncCaptureInterceptor(TaskTelemetry tasks) {
        this.tasks = tasks;
    }

    @AroundInvoke
    public Object capture(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        boolean captured = false;
        if (method != null) {
            TaskContext context = tasks.capture(nameOf(method));
            if (context != null) {
                try {
                    invocation.getContextData().put(CAPTURED, context);
                    captured = true;
                } catch (RuntimeException e) {
                    // an unmodifiable context data: the method runs without its caller's context
                }
            }
        }
        // the container hands the rest of the chain to its executor now: its provider call steps aside
        boolean marked = HandOver.begin(captured);
        try {
            return invocation.proceed();
        } finally {
            HandOver.end(marked);
        }
    }

    /** {@code SimpleClassName.method} of the class that declares the method (not a proxy's). */
    static String nameOf(Method method) {
        return TaskNames.ofClass(method.getDeclaringClass()) + "." + method.getName();
    }
}
