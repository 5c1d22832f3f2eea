package dev.telemetrycdi.internal.messaging;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;

import java.util.Set;

/**
 * The container's injection target of an application class with {@link SenderFields}: injects as the container
 * does, then replaces the JMS objects in those fields by ones that send the current context along. Measured on both
 * servers (servlet with {@code @Inject JMSContext}, stateless bean with {@code @Resource ConnectionFactory}): the
 * fields are set when the container's {@code inject} returns. It wraps again in {@code postConstruct}, which WildFly
 * calls for servlets and Open Liberty not at all, for containers that would inject {@code @Resource} later.
 *
 * <p>Internal API: may change without notice. Thread-safe if the container's target is.
 */
final class SendingInjectionTarget<T> implements InjectionTarget<T> {
    private final InjectionTarget<T> container;
    private final SenderFields fields;
    private final Senders senders;

    SendingInjectionTarget(InjectionTarget<T> container, SenderFields fields, Senders senders) {
        this.container = container;
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

    @Override
    public void preDestroy(T instance) {
        container.preDestroy(instance);
    }

    @Override
    public T produce(CreationalContext<T> context) {
        return container.produce(context);
    }

    @Override
    public void dispose(T instance) {
        container.dispose(instance);
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return container.getInjectionPoints();
    }
}
