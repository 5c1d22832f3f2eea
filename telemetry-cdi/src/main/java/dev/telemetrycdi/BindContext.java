package dev.telemetrycdi;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds context for the duration of a CDI bean's method call: every parameter annotated with
 * {@link ContextField} is bound under its field name, and the previous context is restored when the method
 * returns or throws (the exception is rethrown unchanged).
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class MatchService {
 *     @BindContext
 *     public void score(@ContextField("match.id") long matchId, int points) {
 *         log.info("match_scored", "points", points);   // carries match.id
 *     }
 * }
 * }</pre>
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BindContext {
}
