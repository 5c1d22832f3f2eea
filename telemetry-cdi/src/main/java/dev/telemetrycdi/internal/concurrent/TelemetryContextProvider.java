package dev.telemetrycdi.internal.concurrent;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;

import java.util.Map;

/**
 * Jakarta Concurrency 3.0's hook for the module's context (context type {@value #TYPE}), registered in
 * {@code META-INF/services}: the server asks it for a snapshot of the submitting thread's context when a task is
 * handed to a managed executor, a thread is created by a managed thread factory or a {@code ContextService} makes a
 * contextual proxy, and applies the snapshot around the task, the thread's run or the proxy's call. The snapshot is
 * the submitter's fields as they were (trace ids included); applying it binds them on the running thread and the
 * restorer puts back what that thread had. A cleared snapshot binds no fields.
 *
 * <p>No task lines and no span: the server tells a provider neither which task runs nor how it ended. What one of
 * the module's decorators hands over (tasks of {@code @WithTelemetry}, {@code TelemetryExecutors.wrap} and the
 * decorated {@code @Resource} fields, threads of a decorated factory, proxies of a decorated context service)
 * carries its own context: while it is handed over ({@link HandOver}) this provider steps aside, so the context is
 * captured once.
 *
 * <p>Only servers that offer Jakarta Concurrency 3.0 read the services file, so the class is never loaded where the
 * interface is absent. Internal API: may change without notice. Thread-safe (stateless); never throws.
 */
public final class TelemetryContextProvider implements ThreadContextProvider {
    /** The name under which {@code @ContextServiceDefinition} and {@code <context-service>} can list this context. */
    public static final String TYPE = "dev.telemetrycdi";

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> props) {
        return HandOver.carried() ? Snapshot.STEP_ASIDE : new Snapshot(ContextStorage.current());
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> props) {
        return HandOver.carried() ? Snapshot.STEP_ASIDE : Snapshot.CLEARED;
    }

    @Override
    public String getThreadContextType() {
        return TYPE;
    }

    /** The fields to bind; immutable, so one snapshot may be applied on many threads (a periodic task). */
    static final class Snapshot implements ThreadContextSnapshot {
        static final Snapshot CLEARED = new Snapshot(Fields.EMPTY);
        /** Binds nothing and restores nothing: the decorated work binds (and restores) its own context. */
        static final Snapshot STEP_ASIDE = new Snapshot(null);
        private static final ThreadContextRestorer NOTHING = () -> { };

        private final Fields fields;

        Snapshot(Fields fields) {
            this.fields = fields;
        }

        @Override
        public ThreadContextRestorer begin() {
            if (fields == null) {
                return NOTHING;
            }
            ContextStorage.Scope scope = ContextStorage.attach(fields);
            return scope::close;
        }

        @Override
        public String toString() {
            return TYPE + (fields == null ? " context carried by the module's decorator" : " context " + fields);
        }
    }
}
