package dev.telemetrycdi.internal.cdi;

import dev.telemetrycdi.ContextField;
import dev.telemetrycdi.TelemetryContext;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BindContextInterceptorTest {
    private final BindContextInterceptor interceptor = interceptor(true);

    @AfterEach
    void nothingLeaks() {
        assertTrue(ContextStorage.current().isEmpty());
    }

    @SuppressWarnings("unused")
    public void score(@ContextField("match.id") long matchId, int points, @ContextField("player") Object player) {
    }

    @Test
    void annotatedParametersAreBoundForTheCallAndRestoredAfterIt() throws Exception {
        AtomicReference<Map<String, Object>> during = new AtomicReference<>();
        try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "r1"))) {
            Object result = interceptor.bind(invocation(new Object[]{7L, 3, "ada"}, () -> {
                during.set(TelemetryContext.current());
                return "ok";
            }));
            assertEquals("ok", result);
            assertEquals(Map.of("request.id", "r1", "match.id", 7L, "player", "ada"), during.get());
            assertEquals(Map.of("request.id", "r1"), TelemetryContext.current());
        }
    }

    @Test
    void anArgumentWhoseToStringThrowsLeavesTheApplicationsCallUnaffected() throws Exception {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("lazy proxy not initialised");
            }
        };
        AtomicReference<Map<String, Object>> during = new AtomicReference<>();
        Object result = interceptor.bind(invocation(new Object[]{7L, 3, hostile}, () -> {
            during.set(TelemetryContext.current());
            return "ran";
        }));
        assertEquals("ran", result);
        assertEquals(Map.of("match.id", 7L, "player", "<unprintable>"), during.get());
    }

    @Test
    void theContextIsRestoredAndTheExceptionRethrownUnchanged() {
        IllegalStateException failure = new IllegalStateException("no match");
        Exception thrown = assertThrows(IllegalStateException.class,
                () -> interceptor.bind(invocation(new Object[]{7L, 3, null}, () -> {
                    throw failure;
                })));
        assertSame(failure, thrown);
    }

    @Test
    void nothingIsBoundWhileTheModuleIsInactive() throws Exception {
        AtomicReference<Map<String, Object>> during = new AtomicReference<>();
        interceptor(false).bind(invocation(new Object[]{7L, 3, "ada"}, () -> {
            during.set(TelemetryContext.current());
            return null;
        }));
        assertEquals(Map.of(), during.get());
    }

    @Test
    void longTextIsBoundedAndNumbersStayNumbers() {
        assertEquals(BindContextInterceptor.MAX_TEXT,
                ((String) BindContextInterceptor.valueOf("x".repeat(1000))).length());
        assertEquals(5, BindContextInterceptor.valueOf(5));
        assertEquals("UNNECESSARY", BindContextInterceptor.valueOf(java.math.RoundingMode.UNNECESSARY));
    }

    private static BindContextInterceptor interceptor(boolean active) {
        BindContextInterceptor interceptor = new BindContextInterceptor();
        interceptor.running = active ? Running.on(null, Capabilities.ALL, SpanAccess.NONE) : Running.OFF;
        return interceptor;
    }

    private InvocationContext invocation(Object[] parameters, Callable<Object> body) throws Exception {
        Method method = getClass().getMethod("score", long.class, int.class, Object.class);
        return new InvocationContext() {
            @Override
            public Object getTarget() {
                return BindContextInterceptorTest.this;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return parameters;
            }

            @Override
            public void setParameters(Object[] params) {
            }

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }

            @Override
            public Object proceed() throws Exception {
                return body.call();
            }
        };
    }
}
