package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.OptionalBeans;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import jakarta.enterprise.util.Nonbinding;

/**
 * The JMS part of the module, switched on by {@code OptionalApiExtension} only when the server offers JMS: every
 * message-driven bean runs in its sender's context ({@link MessageDrivenInterceptor}, bound by {@code @MessageDriven}
 * itself), and every JMS connection factory or {@code JMSContext} the container injects into a field of the
 * application sends the current context along ({@link SendingInjectionTarget}).
 *
 * <p>Internal API: may change without notice.
 */
public final class MessagingBeans {
    static final String CAPABILITY = "messaging";
    private static final String MESSAGE_DRIVEN = "jakarta.ejb.MessageDriven";

    private MessagingBeans() {
    }

    /** Makes {@code @MessageDriven} an interceptor binding of {@link MessageDrivenInterceptor}, if the server has EJB. */
    public static void register(BeforeBeanDiscovery discovery) {
        if (!hasMessageDrivenBeans()) {
            return;
        }
        try {
            discovery.configureInterceptorBinding(MessageDriven.class).methods()
                    .forEach(method -> method.add(Nonbinding.Literal.INSTANCE));
            OptionalBeans.addInterceptor(discovery, MessageDrivenInterceptor.class, MessageDrivenLiteral.INSTANCE);
        } catch (RuntimeException | LinkageError e) {
            // no interceptor: message-driven beans run as they are, unless annotated @BindMessageContext
        }
    }

    /** Records a message-driven bean CDI discovered. */
    public static <T> void noteListener(ProcessAnnotatedType<T> type, HookReport hooks) {
        Class<T> bean = type.getAnnotatedType().getJavaClass();
        if (hasMessageDrivenBeans() && bean.isAnnotationPresent(MessageDriven.class)) {
            hooks.hooked(CAPABILITY, bean.getName());
        }
    }

    /** Wraps the injection target of a class with JMS fields, so that they send the current context along. */
    public static <T> void wrapSenders(ProcessInjectionTarget<T> target, BeanManager beans, HookReport hooks) {
        Class<T> type = target.getAnnotatedType().getJavaClass();
        try {
            if (hasMessageDrivenBeans() && type.isAnnotationPresent(MessageDriven.class)) {
                hooks.hooked(CAPABILITY, type.getName());
            }
            SenderFields fields = SenderFields.of(type);
            if (!fields.isEmpty()) {
                target.setInjectionTarget(new SendingInjectionTarget<>(target.getInjectionTarget(), fields,
                        new Senders(beans)));
                hooks.hooked(CAPABILITY, "sender " + type.getName());
            }
        } catch (RuntimeException | LinkageError e) {
            hooks.missed(CAPABILITY, "sender " + type.getName(), "its injection target could not be wrapped (" + e
                    + ")", "call TelemetryMessages.carry(producer or message) before each send");
        }
    }

    private static boolean hasMessageDrivenBeans() {
        try {
            Class.forName(MESSAGE_DRIVEN, false, MessagingBeans.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
