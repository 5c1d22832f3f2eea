package dev.telemetrycdi.internal.tracing;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracingSwitchTest {

    private static TracingSwitch read(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return TracingSwitch.read(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void offByDefault() {
        TracingSwitch tracing = read("otel.exporter.otlp.endpoint", "http://127.0.0.1:4318");
        assertFalse(tracing.active());
        assertEquals("true", new TracingConfigSource(tracing).getValue("otel.sdk.disabled"));
        assertEquals(Optional.of("OTEL_ENABLED is not true"), tracing.offReason());
    }

    @Test
    void optedInWithAnEndpointTurnsTheSdkOnWithParentBasedRatioSampling() {
        TracingConfigSource source = new TracingConfigSource(read("otel.enabled", "TRUE",
                "otel.exporter.otlp.endpoint", "http://127.0.0.1:4318"));
        assertEquals("false", source.getValue("otel.sdk.disabled"));
        assertEquals("parentbased_traceidratio", source.getValue("otel.traces.sampler"));
        assertEquals("0.1", source.getValue("otel.traces.sampler.arg"));
        assertEquals("none", source.getValue("otel.logs.exporter"));
        assertNull(source.getValue("otel.service.name"));
        assertTrue(source.getOrdinal() < 100, "below microprofile-config.properties: explicit otel.* win");
    }

    @Test
    void logRecordsTurnTheLogsExporterOnOnlyWithTracingActiveAndStructuredLines() {
        String[] traced = {"otel.enabled", "true", "otel.exporter.otlp.endpoint", "http://127.0.0.1:4318"};
        TracingSwitch on = read(concat(traced, "telemetry.log.otlp", "true"));
        assertTrue(on.logsExported());
        assertEquals("otlp", new TracingConfigSource(on).getValue("otel.logs.exporter"));
        assertEquals(Optional.empty(), on.logsOffReason());

        TracingSwitch notAsked = read(traced);
        assertFalse(notAsked.logsExported());
        assertEquals("none", new TracingConfigSource(notAsked).getValue("otel.logs.exporter"));
        assertEquals(Optional.empty(), notAsked.logsOffReason());

        TracingSwitch plain = read(concat(traced, "telemetry.log.otlp", "true", "structlog.enabled", "false"));
        assertEquals("none", new TracingConfigSource(plain).getValue("otel.logs.exporter"));
        assertTrue(plain.logsOffReason().orElseThrow().contains("structlog.enabled"));

        TracingSwitch untraced = read("telemetry.log.otlp", "true");
        assertEquals("none", new TracingConfigSource(untraced).getValue("otel.logs.exporter"));
        assertTrue(untraced.logsOffReason().orElseThrow().contains("OTEL_ENABLED"));

        TracingSwitch mistyped = read(concat(traced, "telemetry.log.otlp", "maybe"));
        assertFalse(mistyped.logsExported());
        assertEquals(1, mistyped.problems().size(), mistyped.problems().toString());
        assertTrue(mistyped.problems().get(0).contains("TELEMETRY_LOG_OTLP"));
        assertTrue(read(concat(traced, "structlog.enabled", "nope")).problems().isEmpty(),
                "structlog.enabled is reported once, by the module's settings");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void optedInWithoutEndpointStaysOffAndSaysWhy() {
        TracingSwitch tracing = read("otel.enabled", "true");
        assertFalse(tracing.active());
        assertTrue(tracing.offReason().orElseThrow().contains("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    @Test
    void theModuleSwitchedOffSwitchesTracingOffToo() {
        TracingSwitch tracing = read("telemetry.enabled", "false", "otel.enabled", "true",
                "otel.exporter.otlp.endpoint", "http://127.0.0.1:4318");
        assertFalse(tracing.active());
        assertEquals("true", new TracingConfigSource(tracing).getValue("otel.sdk.disabled"));
        assertEquals(Optional.of("TELEMETRY_ENABLED is false"), tracing.offReason());
    }

    @Test
    void aMistypedOptInIsReportedLikeEveryOtherInvalidValueAndMeansOff() {
        TracingSwitch tracing = read("otel.enabled", "ture", "otel.exporter.otlp.endpoint", "http://127.0.0.1:4318");
        assertFalse(tracing.active());
        assertEquals(1, tracing.problems().size());
        assertEquals("TCDI0001W: Invalid value 'ture' for otel.enabled (environment variable OTEL_ENABLED):"
                + " allowed: true, false. Using 'false' instead.", tracing.problems().get(0));
        assertTrue(new TracingCorrectionSource(tracing).getPropertyNames().isEmpty(), "the ratio is fine");
        assertTrue(read("otel.enabled", "yes", "otel.exporter.otlp.endpoint", "http://x:4318").active(),
                "the same booleans as every other setting");
    }

    @Test
    void aValidRatioIsUsed() {
        TracingSwitch tracing = read("otel.traces.sampler.arg", "0.25");
        assertEquals(0.25, tracing.ratio());
        assertTrue(tracing.problems().isEmpty());
        assertTrue(new TracingCorrectionSource(tracing).getPropertyNames().isEmpty());
    }

    @Test
    void anInvalidRatioIsReportedAndCorrectedToATenthAboveEveryOtherSource() {
        for (String invalid : new String[]{"abc", "1.5", "-0.1", "NaN"}) {
            TracingSwitch tracing = read("otel.traces.sampler.arg", invalid);
            assertEquals(0.1, tracing.ratio(), invalid);
            assertEquals(1, tracing.problems().size(), invalid);
            assertTrue(tracing.problems().get(0).startsWith("TCDI0001W"), tracing.problems().get(0));
            TracingCorrectionSource correction = new TracingCorrectionSource(tracing);
            assertEquals("0.1", correction.getValue("otel.traces.sampler.arg"));
            assertTrue(correction.getOrdinal() > 400, "above system properties");
        }
    }
}
