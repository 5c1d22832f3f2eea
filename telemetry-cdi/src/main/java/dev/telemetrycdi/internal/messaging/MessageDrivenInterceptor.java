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
 * Runs every message-driven bean's {@code onMessage(Message)} as one delivery of {@link MessageDelivery}, with no
 * annotation of the application: {@link MessagingBeans} makes {@code @MessageDriven} itself this interceptor's binding
 * (all its members non-binding), so the container finds the binding on the bean's own class, whether or not CDI
 * discovered the class as a bean. A bean that also carries {@link BindMessageContext} is left to that binding's
 * interceptor, so that a delivery is processed once.
 *
 * <p>Carries no {@code @Interceptor} of its own: added by {@link MessagingBeans} only where the server offers JMS and
 * message-driven beans.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class MessageDrivenInterceptor {

    @Inject
    Running running;

    @AroundInvoke
    public Object inMessageContext(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Object[] parameters = invocation.getParameters();
        if (method == null || !"onMessage".equals(method.getName()) || parameters == null || parameters.length != 1
                || explicitlyBound(invocation.getTarget(), method)
                || !running.has(Capability.JMS)) {
            return invocation.proceed();
        }
        return MessageDelivery.process(running.spans(), parameters[0], invocation::proceed);
    }

    private static boolean explicitlyBound(Object target, Method method) {
        try {
            return method.isAnnotationPresent(BindMessageContext.class)
                    || (target != null && target.getClass().isAnnotationPresent(BindMessageContext.class));
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
