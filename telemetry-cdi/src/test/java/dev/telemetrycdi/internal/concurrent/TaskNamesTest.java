package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.TelemetryExecutors;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.enterprise.concurrent.ManagedTaskListener;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TaskNamesTest {
    private static final ManagedTaskListener LISTENER = new ManagedTaskListener() {
        @Override
        public void taskSubmitted(Future<?> future, jakarta.enterprise.concurrent.ManagedExecutorService executor,
                                  Object task) {
        }

        @Override
        public void taskAborted(Future<?> future, jakarta.enterprise.concurrent.ManagedExecutorService executor,
                                Object task, Throwable exception) {
        }

        @Override
        public void taskDone(Future<?> future, jakarta.enterprise.concurrent.ManagedExecutorService executor,
                             Object task, Throwable exception) {
        }

        @Override
        public void taskStarting(Future<?> future, jakarta.enterprise.concurrent.ManagedExecutorService executor,
                                 Object task) {
        }
    };

    static final class Recompute implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void aNamedTaskIsNamedSoAndKeepsAManagedTasksPropertiesAndListener() {
        assertEquals("process_match_stats", TaskNames.of(TelemetryExecutors.named("process_match_stats", () -> { })));
        Runnable managed = ManagedExecutors.managedTask(() -> { }, Map.of(ManagedTask.LONGRUNNING_HINT, "true"),
                LISTENER);
        Runnable named = TelemetryExecutors.named("recompute", managed);
        ManagedTask asManaged = (ManagedTask) named;
        assertEquals("recompute", asManaged.getExecutionProperties().get(ManagedTask.IDENTITY_NAME));
        assertEquals("true", asManaged.getExecutionProperties().get(ManagedTask.LONGRUNNING_HINT));
        assertSame(LISTENER, asManaged.getManagedTaskListener());
    }

    @Test
    void aWrapperDelegatesTheManagedTaskOfTheTaskItWraps() {
        Callable<String> named = TelemetryExecutors.named("stats", () -> "x");
        ContextualTask wrapped = (ContextualTask) new TaskTelemetry(() -> true,
                () -> dev.telemetrycdi.internal.tracing.SpanAccess.NONE).wrap(named);
        assertSame(((ManagedTask) named).getExecutionProperties(), wrapped.getExecutionProperties());
        assertEquals(null, new ContextualRunnable(() -> { }, null).getManagedTaskListener());
    }

    @Test
    void otherwiseTheClassNameWithoutPackageLambdaAndAnonymousSuffixes() {
        Runnable lambda = () -> { };
        Runnable anonymous = new Runnable() {
            @Override
            public void run() {
            }
        };
        assertEquals("TaskNamesTest", TaskNames.of(lambda));
        assertEquals("TaskNamesTest", TaskNames.of(anonymous));
        assertEquals("TaskNamesTest.Recompute", TaskNames.of(new Recompute()));
        assertEquals("String", TaskNames.ofClass(String.class));
    }

    @Test
    void anEmptyOrHugeIdentityNameIsNotTakenAsIs() {
        assertEquals("ManagedExecutors.RunnableAdapter", TaskNames.of(ManagedExecutors.managedTask((Runnable) () -> { },
                Map.of(ManagedTask.IDENTITY_NAME, " "), null)));
        assertEquals(TaskNames.MAX_LENGTH, TaskNames.of(TelemetryExecutors.named("n".repeat(500), () -> { }))
                .length());
    }
}
