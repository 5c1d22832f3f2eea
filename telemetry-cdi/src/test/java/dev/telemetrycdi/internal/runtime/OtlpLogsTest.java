package dev.telemetrycdi.internal.runtime;

import dev.telemetrycdi.TelemetrySettings;
import dev.telemetrycdi.internal.logging.LineCopy;
import dev.telemetrycdi.internal.settings.SettingsLoader;
import dev.telemetrycdi.internal.tracing.TracingSwitch;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtlpLogsTest {
    private static final LineCopy OPENED = event -> { };
    private static final Supplier<LineCopy> OPEN = () -> OPENED;

    private static Map<String, String> config(String... keyValues) {
        Map<String, String> values = new HashMap<>(Map.of("otel.enabled", "true",
                "otel.exporter.otlp.endpoint", "http://127.0.0.1:4318"));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    private static OtlpLogs decide(Map<String, String> values, Optional<String> exporter, Supplier<LineCopy> open) {
        TracingSwitch tracing = TracingSwitch.read(key -> Optional.ofNullable(values.get(key)));
        TelemetrySettings settings = SettingsLoader.load(key -> Optional.ofNullable(values.get(key))).settings();
        return decide(tracing, settings, exporter, open);
    }

    private static OtlpLogs decide(TracingSwitch tracing, TelemetrySettings settings, Optional<String> exporter,
                                   Supplier<LineCopy> open) {
        return OtlpLogs.decide(tracing, settings, exporter, open);
    }

    @Test
    void onWhenAskedForWithTracingAndTheModulesExporterDefault() {
        OtlpLogs logs = decide(config("telemetry.log.otlp", "true"), Optional.of("otlp"), OPEN);
        assertTrue(logs.on());
        assertSame(OPENED, logs.copy());
        assertEquals(Boolean.TRUE, logs.announced().get("telemetry.log.otlp"));
        assertEquals("otlp", logs.announced().get("otel.logs.exporter"));
        assertNull(logs.announced().get("telemetry.log.otlp.reason"));
    }

    @Test
    void offWithoutTheSettingAndTheLineShowsTheExporter() {
        OtlpLogs logs = decide(config(), Optional.of("none"), () -> {
            throw new AssertionError("not opened");
        });
        assertFalse(logs.on());
        assertEquals(Boolean.FALSE, logs.announced().get("telemetry.log.otlp"));
        assertEquals("none", logs.announced().get("otel.logs.exporter"));
        assertNull(logs.announced().get("telemetry.log.otlp.reason"));
    }

    @Test
    void anExplicitNoneWinsAndIsSaidOnce() {
        OtlpLogs logs = decide(config("telemetry.log.otlp", "true"), Optional.of(" none "), OPEN);
        assertFalse(logs.on());
        assertEquals("otel.logs.exporter=none is set by the application or the environment",
                logs.announced().get("telemetry.log.otlp.reason"));
    }

    @Test
    void plainModeEmitsNothingOfItsOwn() {
        OtlpLogs logs = decide(config("telemetry.log.otlp", "true", "structlog.enabled", "false"),
                Optional.of("none"), OPEN);
        assertFalse(logs.on());
        assertTrue(((String) logs.announced().get("telemetry.log.otlp.reason")).contains("structlog.enabled"));
    }

    @Test
    void aRuntimeWithoutALogsBridgeLeavesTheLinesAloneAndSaysWhy() {
        OtlpLogs logs = decide(config("telemetry.log.otlp", "true"), Optional.of("otlp"), () -> {
            throw new IllegalStateException("no bean");
        });
        assertFalse(logs.on());
        assertEquals("the runtime offers no OpenTelemetry logs bridge", logs.announced().get("telemetry.log.otlp.reason"));
    }
}
