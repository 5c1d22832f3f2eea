package dev.telemetrycdi.internal.batch;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link BatchArtifactInterceptor} to a batch artifact of the application; added by {@link BatchBeans} to every
 * artifact class CDI discovers, never written by hand.
 *
 * <p>Internal API: may change without notice.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BatchArtifactContext {

    /** The binding as a value. */
    final class Literal extends AnnotationLiteral<BatchArtifactContext> implements BatchArtifactContext {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
