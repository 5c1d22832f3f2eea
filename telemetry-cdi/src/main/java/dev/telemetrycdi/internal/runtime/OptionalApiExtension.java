package dev.telemetrycdi.internal.runtime;

import dev.telemetrycdi.internal.batch.BatchBeans;
import dev.telemetrycdi.internal.cdi.Capabilities;
import dev.telemetrycdi.internal.cdi.Capability;
import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.concurrent.TaskBeans;
import dev.telemetrycdi.internal.messaging.MessagingBeans;
import dev.telemetrycdi.internal.websocket.WebSocketBeans;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Switches on the parts of the module whose API the server offers, and only those: decides the
 * {@link Capabilities} once, adds the beans of each capability that is on ({@link TaskBeans}, {@link WebSocketBeans},
 * {@link BatchBeans}), and binds the application's WebSocket endpoints and {@code @Asynchronous} methods when their
 * API is there.
 *
 * <p>Nothing here names a type of an optional API, not even in an observer's {@code @WithAnnotations}: the container
 * reads an extension's observer methods, annotations included, whatever the server offers. So the one
 * {@code ProcessAnnotatedType} observer sees every discovered type and hands it on only to the capabilities that
 * are on.
 *
 * <p>Internal API: may change without notice.
 */
public class OptionalApiExtension implements Extension {
    private final Capabilities capabilities;
    private final HookReport hooks = new HookReport();
    /** Endpoint classes the server announced as components and CDI has no bean for (see {@code WebSocketBeans}). */
    private final Set<Class<?>> plainEndpoints = ConcurrentHashMap.newKeySet();
    private volatile boolean beansDiscovered;

    public OptionalApiExtension() {
        this(Capabilities.detect(OptionalApiExtension.class.getClassLoader()));
    }

    OptionalApiExtension(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    void addBeans(@Observes BeforeBeanDiscovery discovery) {
        if (capabilities.has(Capability.TASKS)) {
            TaskBeans.register(discovery);
        }
        if (capabilities.has(Capability.WEBSOCKET)) {
            WebSocketBeans.register(discovery);
        }
        if (capabilities.has(Capability.BATCH)) {
            BatchBeans.register(discovery);
        }
        if (capabilities.has(Capability.JMS)) {
            MessagingBeans.register(discovery);
        }
    }

    <T> void bindApplicationTypes(@Observes ProcessAnnotatedType<T> type) {
        if (capabilities.has(Capability.WEBSOCKET)) {
            WebSocketBeans.bindEndpoint(type, hooks);
        }
        if (capabilities.has(Capability.TASKS)) {
            TaskBeans.bindAsyncMethods(type, hooks);
        }
        if (capabilities.has(Capability.BATCH)) {
            BatchBeans.bindArtifact(type, hooks);
        }
        if (capabilities.has(Capability.JMS)) {
            MessagingBeans.noteListener(type, hooks);
        }
    }

    <T> void decorateResources(@Observes ProcessInjectionTarget<T> target, BeanManager beans) {
        if (capabilities.has(Capability.TASKS)) {
            TaskBeans.decorateResources(target, beans, hooks);
        }
    }

    <T> void wrapInjectionTargets(@Observes ProcessInjectionTarget<T> target, BeanManager beans) {
        if (capabilities.has(Capability.JMS)) {
            MessagingBeans.wrapSenders(target, beans, hooks);
        }
    }

    /** Jakarta EE component classes the server creates itself (Open Liberty fires this for WebSocket endpoints). */
    <T> void checkComponents(@Observes ProcessInjectionTarget<T> target) {
        if (capabilities.has(Capability.WEBSOCKET)) {
            WebSocketBeans.checkComponent(target, hooks, plainEndpoints, beansDiscovered);
        }
    }

    void addComponentBeans(@Observes AfterBeanDiscovery discovery, BeanManager beans) {
        // the report, for the parts that hook late (WildFly's endpoints added in a listener) and say so
        discovery.addBean().types(HookReport.class, Object.class).scope(Dependent.class).createWith(context -> hooks);
        if (capabilities.has(Capability.WEBSOCKET)) {
            WebSocketBeans.addPlainEndpointBeans(discovery, beans, plainEndpoints, hooks);
        }
        beansDiscovered = true;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    /** What the module hooked in this application while it deployed, and what it could not. */
    public HookReport hooks() {
        return hooks;
    }

    /** The hook report of this application's extension; an empty one if the extension is not there. */
    static HookReport hooksOf(BeanManager beans) {
        try {
            return beans.getExtension(OptionalApiExtension.class).hooks();
        } catch (RuntimeException e) {
            return new HookReport();
        }
    }

    /**
     * The capabilities this application's extension decided; detected again from {@code application} only if the
     * extension is not there (CDI without the module's services file).
     */
    static Capabilities of(BeanManager beans, ClassLoader application) {
        try {
            return beans.getExtension(OptionalApiExtension.class).capabilities();
        } catch (RuntimeException e) {
            return Capabilities.detect(application != null ? application : OptionalApiExtension.class.getClassLoader());
        }
    }
}
