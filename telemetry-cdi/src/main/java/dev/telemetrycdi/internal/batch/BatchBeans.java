package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.OptionalBeans;
import jakarta.batch.api.Batchlet;
import jakarta.batch.api.Decider;
import jakarta.batch.api.chunk.CheckpointAlgorithm;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.api.chunk.ItemReader;
import jakarta.batch.api.chunk.ItemWriter;
import jakarta.batch.api.chunk.listener.ChunkListener;
import jakarta.batch.api.chunk.listener.ItemProcessListener;
import jakarta.batch.api.chunk.listener.ItemReadListener;
import jakarta.batch.api.chunk.listener.ItemWriteListener;
import jakarta.batch.api.chunk.listener.RetryProcessListener;
import jakarta.batch.api.chunk.listener.RetryReadListener;
import jakarta.batch.api.chunk.listener.RetryWriteListener;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.chunk.listener.SkipReadListener;
import jakarta.batch.api.chunk.listener.SkipWriteListener;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.api.partition.PartitionAnalyzer;
import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionReducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

import java.util.List;

/**
 * The Jakarta Batch part of the module, switched on by {@code OptionalApiExtension} only when the server offers the
 * Batch API: adds the listeners {@code telemetryJobListener} and {@code telemetryStepListener}, and
 * {@link BatchArtifactInterceptor} to every batch artifact class CDI discovers, so that its calls run in their job's
 * context without a listener in the job XML.
 *
 * <p>Internal API: may change without notice.
 */
public final class BatchBeans {
    static final String CAPABILITY = "batch";
    private static final List<Class<?>> ARTIFACTS = List.of(Batchlet.class, ItemReader.class, ItemProcessor.class,
            ItemWriter.class, CheckpointAlgorithm.class, Decider.class, JobListener.class, StepListener.class,
            ChunkListener.class, ItemReadListener.class, ItemProcessListener.class, ItemWriteListener.class,
            SkipReadListener.class, SkipProcessListener.class, SkipWriteListener.class, RetryReadListener.class,
            RetryProcessListener.class, RetryWriteListener.class, PartitionMapper.class, PartitionReducer.class,
            PartitionCollector.class, PartitionAnalyzer.class);
    private static final String MODULE_PACKAGE = "dev.telemetrycdi.internal.";
    /** WildFly's batch runtime, whose SPI {@link TelemetryJobXmlResolver} implements. */
    private static final String JBERET_RESOLVER = "org.jberet.spi.JobXmlResolver";

    private BatchBeans() {
    }

    public static void register(BeforeBeanDiscovery discovery) {
        OptionalBeans.add(discovery, TelemetryJobListener.class, Dependent.Literal.INSTANCE);
        OptionalBeans.add(discovery, TelemetryStepListener.class, Dependent.Literal.INSTANCE);
        OptionalBeans.add(discovery, IgnoredParameters.class, ApplicationScoped.Literal.INSTANCE);
        OptionalBeans.addInterceptor(discovery, BatchArtifactInterceptor.class);
    }

    private static boolean visible(String name) {
        try {
            Class.forName(name, false, BatchBeans.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Binds {@link BatchArtifactInterceptor} to {@code type} if it is a batch artifact of the application. */
    public static <T> void bindArtifact(ProcessAnnotatedType<T> type, HookReport hooks) {
        Class<T> artifact = type.getAnnotatedType().getJavaClass();
        if (artifact.isInterface() || artifact.getName().startsWith(MODULE_PACKAGE)) {
            return;
        }
        for (Class<?> api : ARTIFACTS) {
            if (api.isAssignableFrom(artifact)) {
                type.configureAnnotatedType().add(BatchArtifactContext.Literal.INSTANCE);
                hooks.hooked(CAPABILITY, artifact.getName());
                if (visible(JBERET_RESOLVER)) {
                    hooks.hooked(CAPABILITY, "job XML listeners and the starting request's context (JBeret)");
                } else {
                    hooks.missed(CAPABILITY, "the starting request's context in jobs", "the server carries none"
                            + " into batch threads", "start jobs with jobOperator.start(name,"
                            + " TelemetryJobs.parameters(parameters))");
                }
                return;
            }
        }
    }
}
