package dev.dtx.sample.resources;

import dev.telemetrycdi.ContextScope;
import dev.telemetrycdi.TelemetryContext;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries the submitting thread's telemetry context into a task that runs on another thread: the context is
 * captured when the task is wrapped, bound while it runs and restored afterwards, so the worker thread keeps
 * nothing of it.
 */
final class CarriedContext {
    private CarriedContext() {
    }

    static Runnable wrap(Runnable task) {
        Map<String, Object> context = TelemetryContext.current();
        return () -> {
            try (ContextScope scope = TelemetryContext.bind(context)) {
                task.run();
            }
        };
    }

    static <T> Supplier<T> wrap(Supplier<T> task) {
        Map<String, Object> context = TelemetryContext.current();
        return () -> {
            try (ContextScope scope = TelemetryContext.bind(context)) {
                return task.get();
            }
        };
    }
}
