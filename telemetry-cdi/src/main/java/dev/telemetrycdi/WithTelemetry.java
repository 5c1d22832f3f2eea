package dev.telemetrycdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects the server's default executors decorated by {@link TelemetryExecutors} (the same decorators that a
 * {@code @Resource ManagedExecutorService} field gets without any annotation): every task runs in the context
 * of the code that submitted it, with {@code task.id} and {@code task.name}, and writes {@code task_started},
 * {@code task_completed} or {@code task_failed}.
 *
 * <pre>{@code
 * @Inject @WithTelemetry ManagedExecutorService executor;            // java:comp/DefaultManagedExecutorService
 * @Inject @WithTelemetry ManagedScheduledExecutorService scheduler;  // java:comp/DefaultManagedScheduledExecutorService
 *
 * executor.submit(TelemetryExecutors.named("process_match_stats", () -> stats.process(matchId)));
 * }</pre>
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface WithTelemetry {
    /** The qualifier as a value, for {@code Instance.select(WithTelemetry.Literal.INSTANCE)}. */
    final class Literal extends AnnotationLiteral<WithTelemetry> implements WithTelemetry {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
