package dev.telemetrycdi.internal.http;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.Path;

/**
 * Adds {@link CapturesFailures} to every JAX-RS root resource that is a CDI bean, so that an exception escaping a
 * resource method is seen even when the server, not the servlet chain, turns it into the 500 response.
 *
 * <p>Internal API: may change without notice.
 */
public class ResourceFailureExtension implements Extension {
    <T> void captureFailures(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().isAnnotationPresent(Path.class)) {
            type.configureAnnotatedType().add(CapturesFailures.Literal.INSTANCE);
        }
    }
}
