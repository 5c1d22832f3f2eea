package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Jakarta Concurrency {@code @Asynchronous} method whose runs get their caller's context; added by
 * {@link TaskBeans}, never written by hand.
 *
 * <p>Internal API: may change without notice.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AsyncTaskContext {
    /** The annotation instance added to methods. */
    final class Literal extends AnnotationLiteral<AsyncTaskContext> implements AsyncTaskContext {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
