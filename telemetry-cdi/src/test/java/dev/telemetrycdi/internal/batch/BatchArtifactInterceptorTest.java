package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.cdi.Capabilities;
import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.logging.LogEvent;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchArtifactInterceptorTest {
    private static final Fields STALE = Fields.of("request.id", "stale-request", "job.name", "earlier-job");

    private final FakeJobContext job = new FakeJobContext("reportJob", 41);
    private final FakeStepContext step = new FakeStepContext("lines", 77);
    private Properties parameters = new Properties();
    private int reads;
    private CapturedLines lines;

    @BeforeEach
    void capture() {
        lines = new CapturedLines(LogLevel.DEBUG).activate();
    }

    @AfterEach
    void release() {
        lines.close();
        assertTrue(ContextStorage.current().isEmpty(), "the test thread is clean: " + ContextStorage.current());
    }

    @Test
    void aCallRunsInItsJobAndStepContextInsteadOfTheThreadsAndRestoresIt() throws Exception {
        parameters.setProperty("request.id", "req-1");
        parameters.setProperty("user.id", "alice");
        BatchArtifactInterceptor interceptor = interceptor(step);
        try (ContextStorage.Scope stale = ContextStorage.attach(STALE)) {
            Object inside = interceptor.inJobContext(invocation(() -> ContextStorage.current().toMap()));
            assertEquals(Map.of("job.name", "reportJob", "job.instance.id", 1041L, "job.execution.id", 41L,
                    "request.id", "req-1", "user.id", "alice", "step.name", "lines", "step.execution.id", 77L),
                    inside);
            interceptor.inJobContext(invocation(() -> null));
            assertSame(STALE, ContextStorage.current());
        }
        assertEquals(1, reads, "the parameters are read once per step execution");
        assertTrue(lines.events.isEmpty(), "no line of its own");
    }

    @Test
    void aJobLevelArtifactHasNoStepFieldsAndACallInsideTheSameContextRunsAsItIs() throws Exception {
        BatchArtifactInterceptor interceptor = interceptor(null);
        Fields inside = (Fields) interceptor.inJobContext(invocation(ContextStorage::current));
        assertEquals(Map.of("job.name", "reportJob", "job.instance.id", 1041L, "job.execution.id", 41L),
                inside.toMap());
        try (ContextStorage.Scope bound = ContextStorage.attach(inside.with("labels", "x"))) {
            Fields nested = (Fields) interceptor.inJobContext(invocation(ContextStorage::current));
            assertEquals("x", nested.get("labels"), "the listener's or caller's context is kept");
        }
    }

    @Test
    void hostileSubmitterParametersAreDroppedWithOneLinePerJob() throws Exception {
        parameters.setProperty("request.id", "bad\u0007id");
        parameters.setProperty("user.id", "x".repeat(200));
        BatchArtifactInterceptor reader = interceptor(step);
        reader.inJobContext(invocation(() -> assertEquals(Map.of("job.name", "reportJob",
                "job.instance.id", 1041L, "job.execution.id", 41L, "step.name", "lines", "step.execution.id", 77L),
                ContextStorage.current().toMap())));
        BatchArtifactInterceptor writer = interceptor(step);
        writer.ignored = reader.ignored; // one application-scoped bean
        writer.inJobContext(invocation(() -> null));
        List<LogEvent> ignored = lines.events;
        assertEquals(List.of("request.id", "user.id"),
                ignored.stream().map(event -> event.fields().get("job.parameter")).toList());
        for (LogEvent event : ignored) {
            assertEquals(LogLevel.WARNING, event.level());
            assertEquals("job_parameter_ignored", event.event());
            assertEquals(41L, event.context().get("job.execution.id"));
            assertTrue(!event.toString().contains("bad\u0007id"), "never the value");
        }
    }

    @Test
    void theArtifactsExceptionPassesUnchangedAndTheModuleOffOrNoBatchContextChangesNothing() throws Exception {
        BatchArtifactInterceptor interceptor = interceptor(step);
        IllegalStateException thrown = new IllegalStateException("boom");
        try (ContextStorage.Scope stale = ContextStorage.attach(STALE)) {
            assertSame(thrown, assertThrows(IllegalStateException.class,
                    () -> interceptor.inJobContext(invocation(() -> {
                        throw thrown;
                    }))));
            assertSame(STALE, ContextStorage.current());
            interceptor.running = Running.OFF;
            assertSame(STALE, interceptor.inJobContext(invocation(ContextStorage::current)));
            BatchArtifactInterceptor outside = interceptor(step);
            outside.jobs = instance(null);
            assertSame(STALE, outside.inJobContext(invocation(ContextStorage::current)));
        }
    }

    private BatchArtifactInterceptor interceptor(FakeStepContext stepContext) {
        BatchArtifactInterceptor interceptor = new BatchArtifactInterceptor();
        interceptor.running = Running.on(null, Capabilities.ALL, SpanAccess.NONE);
        interceptor.jobs = instance(job);
        interceptor.steps = instance(stepContext);
        interceptor.ignored = new IgnoredParameters();
        interceptor.parameters = id -> {
            reads++;
            return id == 41 ? parameters : null;
        };
        return interceptor;
    }

    /** An {@code Instance} whose {@code get()} gives {@code value}, or throws as a runtime outside a batch thread. */
    @SuppressWarnings("unchecked")
    private static <T> Instance<T> instance(T value) {
        return (Instance<T>) Proxy.newProxyInstance(BatchArtifactInterceptorTest.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> {
                    if ("get".equals(method.getName())) {
                        if (value == null) {
                            throw new IllegalStateException("no batch context on this thread");
                        }
                        return value;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static InvocationContext invocation(Callable<Object> body) {
        return new InvocationContext() {
            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
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

    private static InvocationContext invocation(Runnable body) {
        return invocation(() -> {
            body.run();
            return null;
        });
    }
}
