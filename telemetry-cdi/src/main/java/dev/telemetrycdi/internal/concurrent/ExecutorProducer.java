package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.WithTelemetry;
import dev.telemetrycdi.internal.cdi.Running;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Produces {@code @WithTelemetry ManagedExecutorService} and {@code @WithTelemetry ManagedScheduledExecutorService}:
 * the server's default executors, decorated. No unqualified executor is produced (the platform defines none for
 * {@code @Inject} in EE 10, and one here would be ambiguous with an application's own producer).
 *
 * <p>An application-scoped bean added by {@link TaskBeans} only where the server offers Jakarta Concurrency: its
 * producers' return types would otherwise stop the application from starting on a server without it.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public class ExecutorProducer {
    static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    static final String DEFAULT_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    private final TaskTelemetry tasks;

    @Inject
    public ExecutorProducer(Running running) {
        this.tasks = TaskTelemetry.of(running);
    }

    /** For the CDI proxy only. */
    protected ExecutorProducer() {
        this.tasks = null;
    }

    @Produces
    @WithTelemetry
    ManagedExecutorService executor() {
        return new TelemetryExecutorService(lookup(DEFAULT_EXECUTOR, ManagedExecutorService.class), tasks);
    }

    /** Typed so that it does not also satisfy {@code @WithTelemetry ManagedExecutorService} (ambiguous). */
    @Produces
    @WithTelemetry
    @Typed(ManagedScheduledExecutorService.class)
    ManagedScheduledExecutorService scheduler() {
        return new TelemetryScheduledExecutorService(lookup(DEFAULT_SCHEDULER, ManagedScheduledExecutorService.class),
                tasks);
    }

    /** Fails the injection (a deployment problem, not a runtime one) when the server has no such resource. */
    private static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(InitialContext.doLookup(name));
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("TCDI0201E: " + name + " is not available (" + e + "), so"
                    + " @WithTelemetry " + type.getSimpleName() + " cannot be injected. Enable Jakarta Concurrency"
                    + " on the server (Open Liberty: feature concurrent-3.0).", e);
        }
    }
}
