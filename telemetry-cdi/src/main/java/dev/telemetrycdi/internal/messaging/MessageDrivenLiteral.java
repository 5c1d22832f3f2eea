package dev.telemetrycdi.internal.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.util.AnnotationLiteral;

/**
 * {@code @MessageDriven} with its defaults, as the binding of {@link MessageDrivenInterceptor}; every member is
 * non-binding, so its values never matter.
 *
 * <p>Internal API: may change without notice. Immutable.
 */
final class MessageDrivenLiteral extends AnnotationLiteral<MessageDriven> implements MessageDriven {
    static final MessageDrivenLiteral INSTANCE = new MessageDrivenLiteral();
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
        return "";
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class messageListenerInterface() {
        return Object.class;
    }

    @Override
    public ActivationConfigProperty[] activationConfig() {
        return new ActivationConfigProperty[0];
    }

    @Override
    public String mappedName() {
        return "";
    }

    @Override
    public String description() {
        return "";
    }
}
