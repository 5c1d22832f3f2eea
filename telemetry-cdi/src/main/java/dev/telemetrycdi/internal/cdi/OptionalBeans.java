package dev.telemetrycdi.internal.cdi;

import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.Interceptor;

import java.lang.annotation.Annotation;

/**
 * Adds the module's beans that need an optional API. They carry no bean-defining annotation, so CDI's scanning
 * never loads them; {@code internal.runtime.OptionalApiExtension} adds them through here only when their API is there.
 *
 * <p>Internal API: may change without notice.
 */
public final class OptionalBeans {
    private OptionalBeans() {
    }

    /** Adds {@code type} as a bean, with {@code annotations} (e.g. its scope) added to it. */
    public static void add(BeforeBeanDiscovery discovery, Class<?> type, Annotation... annotations) {
        AnnotatedTypeConfigurator<?> configured = discovery.addAnnotatedType(type, "telemetry-cdi:" + type.getName());
        for (Annotation annotation : annotations) {
            configured.add(annotation);
        }
    }

    /** Adds {@code type}, annotated with its binding and {@code @Priority}, as an enabled interceptor. */
    public static void addInterceptor(BeforeBeanDiscovery discovery, Class<?> type) {
        add(discovery, type, InterceptorLiteral.INSTANCE);
    }

    /** Adds {@code type} as an enabled interceptor (it has {@code @Priority}) with {@code bindings} added to it. */
    public static void addInterceptor(BeforeBeanDiscovery discovery, Class<?> type, Annotation... bindings) {
        AnnotatedTypeConfigurator<?> configured = discovery.addAnnotatedType(type, "telemetry-cdi:" + type.getName());
        configured.add(InterceptorLiteral.INSTANCE);
        for (Annotation binding : bindings) {
            configured.add(binding);
        }
    }

    /** {@code @Interceptor}, which has no literal of its own. */
    static final class InterceptorLiteral extends AnnotationLiteral<Interceptor> implements Interceptor {
        static final InterceptorLiteral INSTANCE = new InterceptorLiteral();
        private static final long serialVersionUID = 1L;
    }
}
