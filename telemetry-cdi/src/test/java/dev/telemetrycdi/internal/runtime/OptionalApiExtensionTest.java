package dev.telemetrycdi.internal.runtime;

import dev.telemetrycdi.internal.cdi.Capabilities;
import dev.telemetrycdi.internal.cdi.HidingClassLoader;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import jakarta.interceptor.Interceptor;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OptionalApiExtensionTest {

    @Test
    void withEveryApiTheBeansOfEachCapabilityAreAddedWithTheirRole() {
        Map<String, List<Class<? extends Annotation>>> added = addedBy(Capabilities.ALL);

        Map<String, List<Class<? extends Annotation>>> expected = new LinkedHashMap<>();
        expected.put("dev.telemetrycdi.internal.concurrent.ExecutorProducer", List.of(ApplicationScoped.class));
        expected.put("dev.telemetrycdi.internal.concurrent.AsyncCaptureInterceptor", List.of(Interceptor.class));
        expected.put("dev.telemetrycdi.internal.concurrent.AsyncRunInterceptor", List.of(Interceptor.class));
        expected.put("dev.telemetrycdi.internal.websocket.WebSocketContextInterceptor", List.of(Interceptor.class));
        expected.put("dev.telemetrycdi.internal.batch.TelemetryJobListener", List.of(Dependent.class));
        expected.put("dev.telemetrycdi.internal.batch.TelemetryStepListener", List.of(Dependent.class));
        expected.put("dev.telemetrycdi.internal.batch.IgnoredParameters", List.of(ApplicationScoped.class));
        expected.put("dev.telemetrycdi.internal.batch.BatchArtifactInterceptor", List.of(Interceptor.class));
        expected.put("binding jakarta.ejb.MessageDriven", List.of());
        expected.put("dev.telemetrycdi.internal.messaging.MessageDrivenInterceptor",
                List.of(Interceptor.class, MessageDriven.class));
        assertEquals(expected, added);
    }

    @Test
    void withoutTheOptionalApisNothingIsAdded() {
        Capabilities none = Capabilities.detect(new HidingClassLoader("jakarta.websocket",
                "jakarta.enterprise.concurrent", "jakarta.jms", "jakarta.batch", "io.opentelemetry"));

        assertEquals(Map.of(), addedBy(none));
    }

    @Test
    void onlyTheCapabilitiesThatAreOnAddTheirBeans() {
        Capabilities batchOnly = Capabilities.detect(new HidingClassLoader("jakarta.websocket",
                "jakarta.enterprise.concurrent", "jakarta.jms"));

        assertEquals(List.of("dev.telemetrycdi.internal.batch.TelemetryJobListener",
                "dev.telemetrycdi.internal.batch.TelemetryStepListener", "dev.telemetrycdi.internal.batch.IgnoredParameters",
                "dev.telemetrycdi.internal.batch.BatchArtifactInterceptor"), List.copyOf(addedBy(batchOnly).keySet()));
    }

    /** The types the extension adds before discovery, each with the annotations it adds to them. */
    private static Map<String, List<Class<? extends Annotation>>> addedBy(Capabilities capabilities) {
        Map<String, List<Class<? extends Annotation>>> added = new LinkedHashMap<>();
        BeforeBeanDiscovery discovery = (BeforeBeanDiscovery) Proxy.newProxyInstance(
                OptionalApiExtensionTest.class.getClassLoader(), new Class<?>[]{BeforeBeanDiscovery.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("configureInterceptorBinding")) {
                        added.put("binding " + ((Class<?>) args[0]).getName(), List.of());
                        return Proxy.newProxyInstance(OptionalApiExtensionTest.class.getClassLoader(),
                                new Class<?>[]{AnnotatedTypeConfigurator.class}, (binding, call, none) -> Set.of());
                    }
                    if (!method.getName().equals("addAnnotatedType") || !(args[0] instanceof Class<?> type)) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    assertEquals("telemetry-cdi:" + type.getName(), args[1]);
                    List<Class<? extends Annotation>> annotations = new ArrayList<>();
                    added.put(type.getName(), annotations);
                    return configurator(annotations);
                });
        new OptionalApiExtension(capabilities).addBeans(discovery);
        return added;
    }

    private static AnnotatedTypeConfigurator<?> configurator(List<Class<? extends Annotation>> annotations) {
        return (AnnotatedTypeConfigurator<?>) Proxy.newProxyInstance(OptionalApiExtensionTest.class.getClassLoader(),
                new Class<?>[]{AnnotatedTypeConfigurator.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("add")) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    annotations.add(((Annotation) args[0]).annotationType());
                    return proxy;
                });
    }
}
