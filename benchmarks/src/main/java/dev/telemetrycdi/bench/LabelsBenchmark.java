package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.labels.LabelExtractor;
import dev.telemetrycdi.internal.labels.LabelRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.util.Map;
import java.util.function.Function;

/**
 * Label extraction alone. With the sample's label table: from the raw path, as {@code HttpTelemetry.begin} does for
 * every request, and from the route template with its path parameters, as {@code matched} does once JAX-RS has
 * matched (the template's plan is cached after the first call, as it is in production). Without configuration
 * ({@link LabelRules#DEFAULT}): a two-resource template labelled by the route rule, and a servlet request mapped by
 * {@code /orders/*}.
 */
public class LabelsBenchmark extends BenchmarkDefaults {
    private static final String RULE_TEMPLATE = "/rest/orders/{orderId}/items/{itemId}";
    private static final Function<String, String> RULE_PARAMETERS = Map.of("orderId", "5", "itemId", "12")::get;

    private LabelExtractor extractor;
    private LabelExtractor zeroConfig;
    private String path;
    private String template;
    private Function<String, String> parameters;

    @Setup
    public void start() {
        extractor = new LabelExtractor(SampleRequest.LABEL_RULES);
        zeroConfig = new LabelExtractor(LabelRules.DEFAULT);
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

    @Benchmark
    public Fields labelsFromTemplateByRule() {
        return zeroConfig.fromTemplate(RULE_TEMPLATE, RULE_PARAMETERS);
    }

    @Benchmark
    public Fields labelsFromServletMapping() {
        return zeroConfig.fromServletMapping("/orders/*", "/orders/5");
    }
}
