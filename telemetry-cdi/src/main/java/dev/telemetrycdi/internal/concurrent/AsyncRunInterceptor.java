package dev.telemetrycdi.internal.concurrent;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The worker's half of an {@code @Asynchronous} method: runs the method in the context that
 * {@link AsyncCaptureInterceptor} captured on the caller's thread, as a task named {@code SimpleClassName.method}.
 * The method throwing (rethrown unchanged), or returning a future that is already completed exceptionally, is
 * {@code task_failed}; a future completed later is {@code task_completed} when the method returns. Priority: see
 * {@link AsyncCaptureInterceptor}.
 *
 * <p>An interceptor ({@code @Interceptor} added by {@link TaskBeans}) only where the server offers its API.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@AsyncTaskContext
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 6)
public class AsyncRunInterceptor {

    @AroundInvoke
    public Object run(InvocationContext invocation) throws Exception {
        Object captured = invocation.getContextData().get(AsyncCaptureInterceptor.CAPTURED);
        if (!(captured instanceof TaskContext)) {
            boolean handingOver = HandOver.suspend();   // the method's own submissions are not the hand-over
            try {
                return invocation.proceed();
            } finally {
                HandOver.resume(handingOver);
            }
        }
        return ((TaskContext) captured).call(invocation::proceed, AsyncRunInterceptor::failureOf);
    }

    /** The failure of a returned future that is already completed exceptionally, else null. */
    static Throwable failureOf(Object result) {
        if (!(result instanceof CompletableFuture) || !((CompletableFuture<?>) result).isCompletedExceptionally()) {
            return null;
        }
        try {
            ((CompletableFuture<?>) result).join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (CancellationException e) {
            return e;
        }
    }
}
