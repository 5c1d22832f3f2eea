package dev.telemetrycdi.internal.websocket;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a WebSocket endpoint whose callbacks run in their connection's context; added to every
 * {@code @ServerEndpoint} class by {@link WebSocketBeans}, never written by hand.
 *
 * <p>Internal API: may change without notice.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WebSocketContext {
    /** The annotation instance added to endpoint classes. */
    final class Literal extends AnnotationLiteral<WebSocketContext> implements WebSocketContext {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
