package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

/**
 * The module's decorator for a Jakarta Concurrency resource: executors whose tasks get task lines and their
 * submitter's context, a thread factory whose threads get their creator's context, a context service whose objects
 * carry the module's context. Anything already decorated, or of another type, is returned as is.
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
final class ResourceDecorators {
    private ResourceDecorators() {
    }

    /** Whether fields of {@code type} get decorated. */
    static boolean decorates(Class<?> type) {
        return type == ManagedExecutorService.class || type == ManagedScheduledExecutorService.class
                || type == ManagedThreadFactory.class || type == ContextService.class;
    }

    static Object decorate(Object resource, TaskTelemetry tasks) {
        if (resource instanceof ManagedScheduledExecutorService) {
            return resource instanceof TelemetryScheduledExecutorService ? resource
                    : new TelemetryScheduledExecutorService((ManagedScheduledExecutorService) resource, tasks);
        }
        if (resource instanceof ManagedExecutorService) {
            return resource instanceof TelemetryExecutorService ? resource
                    : new TelemetryExecutorService((ManagedExecutorService) resource, tasks);
        }
        if (resource instanceof ManagedThreadFactory) {
            return resource instanceof TelemetryThreadFactory ? resource
                    : new TelemetryThreadFactory((ManagedThreadFactory) resource, tasks);
        }
        if (resource instanceof ContextService) {
            return resource instanceof TelemetryContextService ? resource
                    : new TelemetryContextService((ContextService) resource, tasks);
        }
        return resource;
    }
}
