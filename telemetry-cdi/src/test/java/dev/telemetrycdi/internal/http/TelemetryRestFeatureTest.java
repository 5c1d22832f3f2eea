package dev.telemetrycdi.internal.http;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryRestFeatureTest {
    private final List<Class<?>> registered = new ArrayList<>();

    @Test
    void registersBothFiltersInAServerApplicationThatHasNeither() {
        assertTrue(new TelemetryRestFeature().configure(context(RuntimeType.SERVER, Set.of())));
        assertEquals(List.of(TelemetryRestFilter.class, TelemetrySpanFilter.class), registered);
    }

    @Test
    void leavesAFilterTheServerFoundByScanningAsItIs() {
        assertTrue(new TelemetryRestFeature().configure(context(RuntimeType.SERVER, Set.of(TelemetryRestFilter.class))));
        assertEquals(List.of(TelemetrySpanFilter.class), registered);
    }

    @Test
    void leavesClientsAlone() {
        assertFalse(new TelemetryRestFeature().configure(context(RuntimeType.CLIENT, Set.of())));
        assertEquals(List.of(), registered);
    }

    @Test
    void aFailingServerConfigurationIsNotThrownIntoTheApplication() {
        FeatureContext broken = (FeatureContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FeatureContext.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("broken");
                });
        assertFalse(new TelemetryRestFeature().configure(broken));
    }

    private FeatureContext context(RuntimeType runtime, Set<Class<?>> present) {
        Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRuntimeType" -> runtime;
                    case "isRegistered" -> present.contains(args[0]) || registered.contains(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (FeatureContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FeatureContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConfiguration" -> configuration;
                    case "register" -> {
                        registered.add((Class<?>) args[0]);
                        yield proxy;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
