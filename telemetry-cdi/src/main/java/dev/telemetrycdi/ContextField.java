package dev.telemetrycdi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the context field a method parameter is bound under while a {@link BindContext} method runs, e.g.
 * {@code @ContextField("match.id") long matchId}. Numbers stay numbers; other values are bound as text.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ContextField {
    /** The field name, e.g. {@code "match.id"}. */
    String value();
}
