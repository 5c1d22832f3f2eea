package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.BindMessageContext;
import dev.telemetrycdi.internal.cdi.Capability;
import dev.telemetrycdi.internal.cdi.Running;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Method;

/**
 * Implements {@link BindMessageContext}: runs a message-driven bean's {@code onMessage(Message)} as one delivery of
 * {@link MessageDelivery}: in the message's context, with its lines and, with tracing, its consumer span. Other
 * methods run as they are.
 *
 * <p>This class names no JMS type, so that it loads (as every interceptor of the module does) in applications
 * without the JMS API; {@link MessageDelivery} is loaded only when a message arrives.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@BindMessageContext
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class MessageContextInterceptor {

    @Inject
    Running running;

    @AroundInvoke
    public Object inMessageContext(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Object[] parameters = invocation.getParameters();
        if (method == null || !"onMessage".equals(method.getName()) || parameters == null || parameters.length != 1
                || !running.has(Capability.JMS)) {
            return invocation.proceed();
        }
        return MessageDelivery.process(running.spans(), parameters[0], invocation::proceed);
    }
}
