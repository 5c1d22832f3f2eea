package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

/**
 * Adds {@link AsyncTaskContext} to every Jakarta Concurrency {@code @Asynchronous} method of the beans CDI
 * discovers, so that each run gets its caller's context ({@link AsyncCaptureInterceptor},
 * {@link AsyncRunInterceptor}).
 *
 * <p>Internal API: may change without notice.
 */
public class AsyncTaskExtension implements Extension {
    <T> void bindAsyncMethods(@Observes @WithAnnotations(Asynchronous.class) ProcessAnnotatedType<T> type) {
        type.configureAnnotatedType()
                .filterMethods(method -> method.isAnnotationPresent(Asynchronous.class))
                .forEach(method -> method.add(AsyncTaskContext.Literal.INSTANCE));
    }
}
