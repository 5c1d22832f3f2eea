package dev.telemetrycdi;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a message-driven bean's {@code onMessage(Message)} in the context its sender wrote with
 * {@link TelemetryMessages#carry}, with the {@code message_received} and {@code message_processed} /
 * {@code message_failed} lines and, with tracing on, a consumer span in the sender's trace.
 *
 * <pre>{@code
 * @BindMessageContext
 * @MessageDriven(activationConfig = { ... })
 * public class MatchEventConsumer implements MessageListener {
 *     public void onMessage(Message message) { ... }     // runs with the sender's request.id and user.id
 * }
 * }</pre>
 *
 * <p>An interceptor binding: on the class (then only {@code onMessage} is affected) or on {@code onMessage}. It has
 * to be written on the bean: Open Liberty does not apply an interceptor binding that a CDI extension adds to a
 * message-driven bean's type, so the module cannot add it by itself. For a programmatic {@code MessageListener}, use
 * {@link TelemetryMessages#listener} instead.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BindMessageContext {
}
