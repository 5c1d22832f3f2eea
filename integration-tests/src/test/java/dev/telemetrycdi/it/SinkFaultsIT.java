package dev.telemetrycdi.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A log sink that fails never reaches the application: a full device (every write fails) and a file that cannot be
 * opened. Requests are served as usual, and the module says once, in the server's log, what it did instead.
 */
@ExtendWith(ArquillianExtension.class)
class SinkFaultsIT {
    private static final SampleApp FULL = SampleApp.named("fault-full").with("telemetry.log.file", "/dev/full");
    private static final SampleApp UNOPENABLE = SampleApp.named("fault-unopenable")
            .with("telemetry.log.file", "/proc/telemetry-cdi/cannot/exist.log");

    @ArquillianResource
    @OperateOnDeployment("full")
    URL fullUrl;

    @ArquillianResource
    @OperateOnDeployment("unopenable")
    URL unopenableUrl;

    @Deployment(name = "full", testable = false, order = 1)
    static WebArchive full() {
        return FULL.war();
    }

    @Deployment(name = "unopenable", testable = false, order = 2)
    static WebArchive unopenable() {
        return UNOPENABLE.war();
    }

    @Test
    void aFullDeviceLosesLinesButNeverTheApplication() throws IOException {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = Http.get(fullUrl, "/api/tournaments/5/", "X-Request-ID", "full-" + i);
            assertEquals(200, response.statusCode());
            assertEquals("full-" + i, response.headers().firstValue("X-Request-ID").orElseThrow());
        }
        ServerLog.await("TCDI0102W", "No space left on device");
        assertEquals(1, ServerLog.lines().stream().filter(line -> line.contains("TCDI0102W")).count(),
                "the write failure is reported once, not per line");
    }

    @Test
    void aLogFileThatCannotBeOpenedFallsBackToStandardOutput() throws IOException {
        HttpResponse<String> response = Http.get(unopenableUrl, "/api/tournaments/5/", "X-Request-ID", "unopenable");
        assertEquals(200, response.statusCode());
        assertEquals("unopenable", response.headers().firstValue("X-Request-ID").orElseThrow());
        String warning = ServerLog.await("TCDI0002W", "/proc/telemetry-cdi/cannot/exist.log");
        assertTrue(warning.contains("standard output"), warning);
    }
}
