package dev.telemetrycdi.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The real sample WAR, as built, re-configured for one test deployment: its own
 * {@code microprofile-config.properties} (its label table among them) with the test's settings over it, and its
 * structured output sent to a fresh file that the test reads.
 */
final class SampleApp {
    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private final String name;
    private final Map<String, String> config = new LinkedHashMap<>();
    private final LogFile log;

    private SampleApp(String name) {
        this.name = name;
        this.log = LogFile.named(name);
        config.put("telemetry.log.categories", "dev.dtx");
        config.put("telemetry.log.file", log.path().toString());
    }

    /** A deployment named {@code name} (also its context root) with the test profile unless set otherwise. */
    static SampleApp named(String name) {
        SampleApp app = new SampleApp(name);
        app.config.put("mp.config.profile", "test");
        return app;
    }

    /**
     * With tracing opted in, exporting over OTLP/HTTP to {@code endpoint}: every trace kept, no metrics, the batch
     * exporter flushing every 100 ms (with its unit: WildFly's SmallRye Config reads a bare number as seconds).
     */
    SampleApp tracedTo(String endpoint) {
        return with("otel.enabled", "true")
                .with("otel.service.name", "dtx-backend")
                .with("otel.exporter.otlp.protocol", "http/protobuf")
                .with("otel.exporter.otlp.endpoint", endpoint)
                .with("otel.traces.sampler.arg", "1")
                .with("otel.metrics.exporter", "none")
                .with("otel.bsp.schedule.delay", "100ms");
    }

    /** Sets {@code key} for this deployment; null removes it, also from the sample's own file. */
    SampleApp with(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** The log file this deployment writes to; deleted now, so it holds this deployment's lines only. */
    LogFile log() {
        return log;
    }

    WebArchive war() {
        log.reset();
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                Path.of(System.getProperty("it.sample.war", "target/it-apps/sample-war.war")).toFile());
        Map<String, String> merged = new LinkedHashMap<>(sampleConfig(war));
        config.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        war.delete(CONFIG);
        StringBuilder properties = new StringBuilder();
        merged.forEach((key, value) ->
                properties.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        war.add(new StringAsset(properties.toString()), CONFIG);
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(war);
    }

    /** The sample's own settings, as its WAR carries them. */
    private static Map<String, String> sampleConfig(WebArchive war) {
        Properties properties = new Properties();
        try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> config.put(key, properties.getProperty(key)));
        return config;
    }
}
