package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.labels.LabelExtractor;
import dev.telemetrycdi.internal.labels.LabelRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.util.function.Function;

/**
 * Label extraction alone, with the default rules: from the raw path, as {@code HttpTelemetry.begin} does for
 * every request, and from the route template with its path parameters, as {@code matched} does once JAX-RS has
 * matched (the template's plan is cached after the first call, as it is in production).
 */
public class LabelsBenchmark extends BenchmarkDefaults {
    private LabelExtractor extractor;
    private String path;
    private String template;
    private Function<String, String> parameters;

    @Setup
    public void start() {
        extractor = new LabelExtractor(LabelRules.DEFAULT);
        path = SampleRequest.APP_PATH;
        template = SampleRequest.TEMPLATE;
        parameters = SampleRequest.PATH_PARAMETERS;
    }

    @Benchmark
    public Fields labelsFromPath() {
        return extractor.fromPath(path);
    }

    @Benchmark
    public Fields labelsFromTemplate() {
        return extractor.fromTemplate(template, parameters);
    }
}
