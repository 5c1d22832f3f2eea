package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;

/**
 * One bind and restore of the sample request's context, as {@link ContextBenchmark} does, for
 * {@link ContextMirrorBenchmark}, which loads this class (and the module with it) in a class loader of its own: with
 * or without an application's Logback and Log4j 2 beside it.
 */
public final class MirroredBind implements Runnable {
    private final Fields context = SampleRequest.MATCHED_CONTEXT;
    /** What the bound context read gave, kept so that the read is not optimised away. */
    private Fields seen;

    @Override
    public void run() {
        try (ContextStorage.Scope scope = ContextStorage.attach(context)) {
            seen = ContextStorage.current();
        }
    }

    /**
     * The {@code request.id} that SLF4J's MDC and Log4j 2's ThreadContext show while the context is bound (null
     * where the API is absent or the module does not fill it), then after it was restored.
     */
    @Override
    public String toString() {
        ClassLoader loader = getClass().getClassLoader();
        StringBuilder seen = new StringBuilder();
        try (ContextStorage.Scope scope = ContextStorage.attach(context)) {
            seen.append("bound: ").append(read(loader, "org.slf4j.MDC")).append(' ')
                    .append(read(loader, "org.apache.logging.log4j.ThreadContext"));
        }
        return seen.append("; restored: ").append(read(loader, "org.slf4j.MDC")).append(' ')
                .append(read(loader, "org.apache.logging.log4j.ThreadContext")).toString();
    }

    private static Object read(ClassLoader loader, String map) {
        try {
            return Class.forName(map, true, loader).getMethod("get", String.class).invoke(null, "request.id");
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
