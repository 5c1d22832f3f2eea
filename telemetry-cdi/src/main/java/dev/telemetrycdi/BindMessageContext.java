package dev.telemetrycdi;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a message-driven bean's {@code onMessage(Message)} in the context its sender wrote into the message, with the
 * {@code message_received} and {@code message_processed} / {@code message_failed} lines and, with tracing on, a
 * consumer span in the sender's trace.
 *
 * <p>Not needed any more: the module handles every {@code @MessageDriven} bean by itself (it declares
 * {@code @MessageDriven} an interceptor binding of its own). A bean that keeps this annotation is processed once,
 * by this binding's interceptor. It remains an interceptor binding for other beans whose {@code onMessage} a
 * container calls; for a programmatic {@code MessageListener}, use {@link TelemetryMessages#listener}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BindMessageContext {
}
