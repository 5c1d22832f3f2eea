package dev.telemetrycdi.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load harness's smoke mode, with the rest of the build: one short round of every configuration on a real Open
 * Liberty and a real WildFly, and a short soak. Its figures mean nothing (no warm-up worth the name); it proves that
 * each configuration is what it claims (exports where tracing is on, none elsewhere; log records exported only where
 * the OTLP logs export is on; the server's own JSON console with access-log lines where the server logs in JSON; the
 * module's lines where it is on; WildFly where it says WildFly), that no request fails, and that the soak can read the
 * heap and the module's log queue.
 *
 * <p>W3 is left out to keep the build short (a WildFly start is about 15 s): its environment is 3's, and W7's but
 * for the OTLP logs switch, so 3 and W7 cover what it could get wrong.
 */
class LoadSmokeIT {
    private static final Set<Configuration> TRACING = EnumSet.of(Configuration.TRACED, Configuration.AGENT,
            Configuration.RUNTIME_TRACING, Configuration.LOGS_EXPORTED, Configuration.WILDFLY_LOGS_EXPORTED);

    @Test
    void everyConfigurationServesAndIsWhatItClaims() throws Exception {
        String all = Arrays.stream(Configuration.values()).filter(c -> c != Configuration.WILDFLY_TRACED)
                .map(Configuration::number).collect(Collectors.joining(","));
        LoadHarness.Options options = LoadHarness.Options.parse(new String[] {"--smoke", "--configs", all});
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        LoadHarness.Report report = LoadHarness.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
        String text = LoadHarness.format(options, report);
        assertEquals(Configuration.values().length - 1, options.configurations().size());
        for (Configuration configuration : options.configurations()) {
            Measurement measured = report.median(configuration);
            assertTrue(measured.requests() > 0, configuration + ": " + text);
            assertEquals(0, measured.errors(), configuration + ": " + text);
            OtlpSink.Exports exported = report.exports().get(configuration);
            if (TRACING.contains(configuration)) {
                assertTrue(exported.traces() > 0, configuration + " exports spans: " + text);
            } else {
                assertEquals(0L, exported.traces(), configuration + " sends no spans to the receiver: " + text);
            }
            if (configuration.exportsLogs() && Configuration.logOtlpKnown()) {
                assertTrue(exported.logs() > 0, configuration + " exports log records: " + text);
            } else {
                // without the setting in the module, 7 and W7 are 3 and W3 again, and the report says so
                assertEquals(0L, exported.logs(), configuration + " sends no log records to the receiver: " + text);
            }
        }
        assertFalse(report.soak().isEmpty(), text);
        assertTrue(report.soak().stream().allMatch(memory -> memory.queued() >= 0 && memory.heapAfterGc() > 0),
                "the module's queue MBean and the heap are readable: " + text);

        Path liberty = report.consoles().get(Configuration.SERVER_JSON);
        List<JsonObject> libertyJson = jsonLines(liberty);
        assertTrue(libertyJson.stream().anyMatch(line -> "liberty_accesslog".equals(line.getString("type", null))
                        && LoadHarness.ENDPOINT.equals(line.getString("ibm_uriPath", null))),
                "Liberty's JSON console has the access log of the endpoint: " + liberty);
        assertTrue(libertyJson.stream().anyMatch(line -> "liberty_message".equals(line.getString("type", null))
                        && line.getString("message", "").contains("tournament_draft_loaded")),
                "Liberty's JSON console has the application's JUL line: " + liberty);
        assertFalse(libertyJson.stream().anyMatch(LoadSmokeIT::moduleLine), "the module is off: " + liberty);

        Path wildFly = report.consoles().get(Configuration.WILDFLY_SERVER_JSON);
        List<JsonObject> wildFlyJson = jsonLines(wildFly);
        assertTrue(wildFlyJson.stream().anyMatch(line -> line.getString("message", "").startsWith("WFLYSRV0025")),
                "WildFly's json-formatter logged that WildFly started: " + wildFly);
        assertTrue(wildFlyJson.stream().anyMatch(line -> "web-access".equals(line.getString("eventSource", null))
                        && line.getString("requestLine", "").contains(LoadHarness.ENDPOINT)),
                "Undertow's console access log has the endpoint: " + wildFly);
        assertTrue(wildFlyJson.stream().anyMatch(line -> line.getString("loggerName", "").startsWith("dev.dtx")
                        && line.getString("message", "").contains("tournament_draft_loaded")),
                "WildFly's JSON console has the application's JUL line: " + wildFly);
        assertFalse(wildFlyJson.stream().anyMatch(LoadSmokeIT::moduleLine), "the module is off: " + wildFly);

        for (Configuration moduleOn : List.of(Configuration.WILDFLY_JSON, Configuration.WILDFLY_LOGS_EXPORTED)) {
            Path console = report.consoles().get(moduleOn);
            assertTrue(Files.readString(console).contains("WFLYSRV0025"), moduleOn + " runs on WildFly: " + console);
            assertTrue(jsonLines(console).stream().anyMatch(LoadSmokeIT::moduleLine),
                    moduleOn + " has the module's request_completed lines: " + console);
        }
    }

    private static boolean moduleLine(JsonObject line) {
        return "request_completed".equals(line.getString("event", null));
    }

    /** Every line of the console that is a JSON object, parsed (ANSI colour codes before it removed). */
    private static List<JsonObject> jsonLines(Path console) throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        for (String raw : Files.readAllLines(console, StandardCharsets.UTF_8)) {
            String line = raw.replaceAll("\u001b\\[[0-9;]*m", "").strip();
            if (line.startsWith("{")) {
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    lines.add(reader.readObject());
                }
            }
        }
        return lines;
    }
}
