package dev.telemetrycdi.internal.http;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource class whose escaping exceptions are recorded for the request's {@code request_failed}
 * line; added to every root resource by {@link ResourceFailureExtension}, never written by hand.
 *
 * <p>Internal API: may change without notice.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CapturesFailures {
    /** The annotation instance added to resource classes. */
    final class Literal extends AnnotationLiteral<CapturesFailures> implements CapturesFailures {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
