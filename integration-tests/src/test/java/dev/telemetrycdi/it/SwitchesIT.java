package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
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
import java.nio.file.Files;
import java.util.List;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The master switch ({@code TELEMETRY_ENABLED=false}: one line, then nothing), plain text mode
 * ({@code STRUCTLOG_ENABLED=false}), invalid settings (one warning each, the application still serves) and the
 * one {@code telemetry_initialized} line.
 */
@ExtendWith(ArquillianExtension.class)
class SwitchesIT {
    @ArquillianResource
    @OperateOnDeployment("disabled")
    URL disabledUrl;

    @ArquillianResource
    @OperateOnDeployment("plain")
    URL plainUrl;

    @ArquillianResource
    @OperateOnDeployment("invalid")
    URL invalidUrl;

    private static final SampleApp DISABLED = SampleApp.named("switch-disabled").with("telemetry.enabled", "false");
    private static final SampleApp PLAIN = SampleApp.named("switch-plain").with("structlog.enabled", "false");
    private static final SampleApp INVALID = SampleApp.named("switch-invalid")
            .with("log.level", "loud").with("log.format", "xml").with("telemetry.log.color", "rainbow");

    @Deployment(name = "disabled", testable = false, order = 1)
    static WebArchive disabled() {
        return DISABLED.war();
    }

    @Deployment(name = "plain", testable = false, order = 2)
    static WebArchive plain() {
        return PLAIN.war();
    }

    @Deployment(name = "invalid", testable = false, order = 3)
    static WebArchive invalid() {
        return INVALID.war();
    }

    @Test
    void disabledSaysSoOnceThenDoesNothing() throws IOException {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = Http.get(disabledUrl, "/api/tournaments/5/explode", "X-Request-ID", "off-" + i);
            assertEquals(500, response.statusCode());
            assertTrue(response.headers().firstValue("X-Request-ID").isEmpty(), "no header when disabled");
        }
        Http.send(disabledUrl, "POST", "/api/matches/1/score?points=1");
        assertEquals(502, Http.get(disabledUrl, "/api/matches/7/stats").statusCode(), "an outbound call that fails");
        LogFile.sleep();
        List<JsonObject> lines = DISABLED.log().lines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(event(lines.get(0), "telemetry_disabled"), lines.toString());
        assertTrue(ServerLog.lines().stream().noneMatch(line -> line.contains("http_client_request")),
                "the module writes nothing through the server's logging either");
    }

    @Test
    void plainModeWritesTextThroughTheServersLogging() throws IOException {
        HttpResponse<String> response = Http.get(plainUrl, "/api/tournaments/5/", "X-Request-ID", "plain-1");
        assertEquals("plain-1", response.headers().firstValue("X-Request-ID").orElseThrow());
        String line = ServerLog.await("request_completed", "request.id=plain-1", "tournament.id=5",
                "http.request.method=GET", "url.path=/switch-plain/api/tournaments/5/");
        assertTrue(line.contains("http.response.status_code=200"), line);
        assertFalse(Files.exists(PLAIN.log().path()), "no structured output in plain mode");
    }

    @Test
    void invalidValuesAreReportedOnceAndReplaced() throws IOException {
        Http.get(invalidUrl, "/api/tournaments/5/", "X-Request-ID", "invalid-1");
        JsonObject completed = INVALID.log().completed("invalid-1");
        assertEquals("info", text(completed, "level"));
        ServerLog.await("TCDI0001W", "'loud'", "log.level", "LOG_LEVEL", "'INFO'");
        ServerLog.await("TCDI0001W", "'xml'", "log.format", "LOG_FORMAT", "'json'");
        ServerLog.await("TCDI0001W", "'rainbow'", "telemetry.log.color", "TELEMETRY_LOG_COLOR", "'auto'");
        long loudWarnings = ServerLog.lines().stream().filter(line -> line.contains("'loud'")).count();
        assertEquals(1, loudWarnings);
        List<JsonObject> initialized = INVALID.log().lines().stream()
                .filter(line -> event(line, "telemetry_initialized")).toList();
        assertEquals(1, initialized.size());
        assertEquals("INFO", text(initialized.get(0), "log.level"));
        assertEquals("json", text(initialized.get(0), "log.format"));
    }
}
