package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.TelemetryEndpoint;
import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.OptionalBeans;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpoint;

import java.lang.reflect.Modifier;

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
     * An endpoint class the server will create without CDI: Open Liberty fires {@code ProcessInjectionTarget} for
     * every endpoint class of the application, as for every Jakarta EE component class, and creates one for which CDI
     * has no bean with {@code Class.newInstance()}: said once at deployment, with the fix.
     */
    public static <T> void checkComponent(ProcessInjectionTarget<T> event, HookReport hooks) {
        Class<T> endpoint = event.getAnnotatedType().getJavaClass();
        String entry = CAPABILITY + " " + endpoint.getName();
        if (!isEndpoint(endpoint) || hooks.hooked().contains(entry)
                || hooks.missed().stream().anyMatch(missed -> missed.startsWith(entry + ":"))) {
            return;
        }
        hooks.missed(CAPABILITY, endpoint.getName(), "not a CDI bean, so its callbacks cannot be reached",
                "annotate the class @jakarta.enterprise.context.Dependent");
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
