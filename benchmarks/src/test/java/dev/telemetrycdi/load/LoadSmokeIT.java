package dev.telemetrycdi.load;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load harness's smoke mode, with the rest of the build: one short round of every configuration on a real Open
 * Liberty and a short soak. Its figures mean nothing (no warm-up worth the name); it proves that each configuration
 * is what it claims (exports where tracing is on, none elsewhere), that no request fails, and that the soak can read
 * the heap and the module's log queue.
 */
class LoadSmokeIT {
    @Test
    void everyConfigurationServesAndIsWhatItClaims() throws Exception {
        LoadHarness.Options options = LoadHarness.Options.parse(new String[] {"--smoke"});
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        LoadHarness.Report report = LoadHarness.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
        String text = LoadHarness.format(options, report);
        for (Configuration configuration : Configuration.values()) {
            Measurement measured = report.median(configuration);
            assertTrue(measured.requests() > 0, configuration + ": " + text);
            assertEquals(0, measured.errors(), configuration + ": " + text);
        }
        assertTrue(report.exports().get(Configuration.TRACED) > 0, "the module's tracing exports: " + text);
        assertTrue(report.exports().get(Configuration.AGENT) > 0, "the agent exports: " + text);
        assertTrue(report.exports().get(Configuration.RUNTIME_TRACING) > 0, "the runtime alone exports: " + text);
        for (Configuration quiet : new Configuration[] {Configuration.OFF, Configuration.JSON,
                Configuration.COLLECTOR_DOWN}) {
            assertEquals(0L, report.exports().get(quiet), quiet + " sends nothing to the receiver: " + text);
        }
        assertFalse(report.soak().isEmpty(), text);
        assertTrue(report.soak().stream().allMatch(memory -> memory.queued() >= 0 && memory.heapAfterGc() > 0),
                "the module's queue MBean and the heap are readable: " + text);
    }
}
