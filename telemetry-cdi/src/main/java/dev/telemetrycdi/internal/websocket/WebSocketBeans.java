package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.TelemetryEndpoint;
import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.OptionalBeans;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpoint;

import java.lang.reflect.Modifier;
import java.util.Set;

/**
 * The WebSocket part of the module, switched on by {@code OptionalApiExtension} only when the server offers the
 * WebSocket API: adds {@link WebSocketContextInterceptor}, and {@link WebSocketContext} to every WebSocket endpoint
 * that is a CDI bean (annotated with {@code @ServerEndpoint}, or a programmatic {@link Endpoint}), so that its
 * callbacks run in their connection's context. Each endpoint bound is recorded in the hook report.
 *
 * <p>Internal API: may change without notice.
 */
public final class WebSocketBeans {
    /** The capability label of WebSocket entries in the hook report. */
    public static final String CAPABILITY = "websocket";

    private WebSocketBeans() {
    }

    public static void register(BeforeBeanDiscovery discovery) {
        OptionalBeans.addInterceptor(discovery, WebSocketContextInterceptor.class);
    }

    public static <T> void bindEndpoint(ProcessAnnotatedType<T> type, HookReport hooks) {
        Class<T> endpoint = type.getAnnotatedType().getJavaClass();
        if (!isEndpoint(endpoint)) {
            return;
        }
        type.configureAnnotatedType().add(WebSocketContext.Literal.INSTANCE);
        ServerEndpoint annotation = endpoint.getAnnotation(ServerEndpoint.class);
        Class<?> configurator = annotation == null ? null : annotation.configurator();
        if (configurator != null && EndpointConfigs.makesInstances(configurator)) {
            hooks.missed(CAPABILITY, endpoint.getName(), "its configurator " + configurator.getName()
                    + " creates the endpoint instances itself, outside CDI",
                    "remove getEndpointInstance from " + configurator.getName() + " (or return super's)");
        } else {
            hooks.hooked(CAPABILITY, endpoint.getName());
        }
    }

    /**
     * An endpoint class the server creates itself, announced as a Jakarta EE component class: Open Liberty fires
     * {@code ProcessInjectionTarget} for every endpoint class of the application before CDI discovers beans, and
     * creates an endpoint through CDI when CDI has a bean for its class, otherwise with {@code Class.newInstance()}.
     * An endpoint class that is not a bean is noted in {@code plain}, to get a bean of the module's
     * ({@link #addPlainEndpointBeans}); announced after beans were discovered ({@code tooLate}), it is reported as
     * missed, with the fix.
     */
    public static <T> void checkComponent(ProcessInjectionTarget<T> event, HookReport hooks, Set<Class<?>> plain,
                                          boolean tooLate) {
        Class<T> endpoint = event.getAnnotatedType().getJavaClass();
        String entry = CAPABILITY + " " + endpoint.getName();
        if (!isEndpoint(endpoint) || hooks.hooked().contains(entry)
                || hooks.missed().stream().anyMatch(missed -> missed.startsWith(entry + ":"))) {
            return;
        }
        if (tooLate) {
            hooks.missed(CAPABILITY, endpoint.getName(), "not a CDI bean, so its callbacks cannot be reached",
                    "annotate the class @jakarta.enterprise.context.Dependent");
            return;
        }
        plain.add(endpoint);
    }

    /** Gives each endpoint class of {@code plain} its bean ({@link PlainEndpoints}), and records it as hooked. */
    public static void addPlainEndpointBeans(AfterBeanDiscovery discovery, BeanManager beans, Set<Class<?>> plain,
                                             HookReport hooks) {
        for (Class<?> endpoint : plain) {
            PlainEndpoints.addBean(discovery, beans, endpoint);
            hooks.hooked(CAPABILITY, endpoint.getName());
        }
    }

    /**
     * An endpoint class the interceptor can wrap: annotated with {@code @ServerEndpoint} or a concrete programmatic
     * endpoint, and not a {@link TelemetryEndpoint} (which does the same itself, in final methods).
     */
    static boolean isEndpoint(Class<?> type) {
        if (type.isAnnotationPresent(ServerEndpoint.class)) {
            return true;
        }
        return Endpoint.class.isAssignableFrom(type) && !TelemetryEndpoint.class.isAssignableFrom(type)
                && !Modifier.isAbstract(type.getModifiers()) && !type.isInterface();
    }
}
