package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.internal.cdi.ForwardingInjectionTarget;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.InjectionTarget;

/**
 * The container's injection target of an application class with {@link SenderFields}: injects as the container
 * does, then replaces the JMS objects in those fields by ones that send the current context along. Measured on both
 * servers (servlet with {@code @Inject JMSContext}, stateless bean with {@code @Resource ConnectionFactory}): the
 * fields are set when the container's {@code inject} returns. It wraps again in {@code postConstruct}, which WildFly
 * calls for servlets and Open Liberty not at all, for containers that would inject {@code @Resource} later.
 *
 * <p>Internal API: may change without notice. Thread-safe if the container's target is.
 */
final class SendingInjectionTarget<T> extends ForwardingInjectionTarget<T> {
    private final SenderFields fields;
    private final Senders senders;

    SendingInjectionTarget(InjectionTarget<T> container, SenderFields fields, Senders senders) {
        super(container);
        this.fields = fields;
        this.senders = senders;
    }

    @Override
    public void inject(T instance, CreationalContext<T> context) {
        container.inject(instance, context);
        fields.wrap(instance, senders);
    }

    @Override
    public void postConstruct(T instance) {
        fields.wrap(instance, senders);
        container.postConstruct(instance);
    }
}
