package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-environment defaults (dev = pretty/DEBUG, test = json/INFO, prod = json/ERROR), and an explicit value beating
 * the profile's default.
 */
@ExtendWith(ArquillianExtension.class)
class ProfilesIT {
    @ArquillianResource
    @OperateOnDeployment("dev")
    URL devUrl;

    @ArquillianResource
    @OperateOnDeployment("test")
    URL testUrl;

    @ArquillianResource
    @OperateOnDeployment("prod")
    URL prodUrl;

    @ArquillianResource
    @OperateOnDeployment("prod-info")
    URL prodInfoUrl;

    @ArquillianResource
    @OperateOnDeployment("dev-json")
    URL devJsonUrl;

    private static final SampleApp DEV = SampleApp.named("profile-dev").with("mp.config.profile", "dev");
    private static final SampleApp TEST = SampleApp.named("profile-test").with("telemetry.log.queue-size", "1024");
    private static final SampleApp PROD = SampleApp.named("profile-prod").with("mp.config.profile", "prod");
    private static final SampleApp PROD_INFO = SampleApp.named("profile-prod-info")
            .with("mp.config.profile", "prod").with("log.level", "info");
    private static final SampleApp DEV_JSON = SampleApp.named("profile-dev-json")
            .with("mp.config.profile", "dev").with("log.format", "json");

    /** {@code 2026-01-20 14:32:15 [info    ] request_completed    [logger] key=value ...} */
    private static final Pattern PRETTY = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\[(\\w+) *] (.+?) *( \\[[^\\]]+])?( \\S+=.*)?");

    @Deployment(name = "dev", testable = false, order = 1)
    static WebArchive dev() {
        return DEV.war();
    }

    @Deployment(name = "test", testable = false, order = 2)
    static WebArchive test() {
        return TEST.war();
    }

    @Deployment(name = "prod", testable = false, order = 3)
    static WebArchive prod() {
        return PROD.war();
    }

    @Deployment(name = "prod-info", testable = false, order = 4)
    static WebArchive prodInfo() {
        return PROD_INFO.war();
    }

    @Deployment(name = "dev-json", testable = false, order = 5)
    static WebArchive devJson() {
        return DEV_JSON.war();
    }

    @Test
    void devIsPrettyAtDebug() {
        Http.get(devUrl, "/api/leagues/3/standings/", "X-Request-ID", "dev-1");
        String completed = Await.line(() -> DEV.log().rawLines(), "request_completed", "request.id=dev-1");
        var matcher = PRETTY.matcher(completed);
        assertTrue(matcher.matches(), completed);
        assertEquals("info", matcher.group(1));
        assertTrue(completed.contains(" league.id=3"), completed);
        assertTrue(completed.contains(" labels=['league', 'standings']"), completed);
        assertTrue(completed.contains(" http.response.status_code=200"), completed);
        List<String> lines = DEV.log().rawLines();
        assertTrue(lines.stream().allMatch(line -> PRETTY.matcher(line).matches()), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(line -> line.contains("\u001b")), "no colours off a terminal");
        assertTrue(lines.stream().anyMatch(line -> line.contains("[debug") && line.contains("built from")),
                "the application's debug line is written at DEBUG");
    }

    @Test
    void anExplicitFormatBeatsTheDevDefault() {
        Http.get(devJsonUrl, "/api/leagues/3/standings/", "X-Request-ID", "dev-json-1");
        List<JsonObject> lines = DEV_JSON.log().request("dev-json-1");
        assertTrue(lines.stream().anyMatch(line -> "debug".equals(text(line, "level"))), lines.toString());
    }

    @Test
    void testIsJsonAtInfo() {
        Http.get(testUrl, "/api/leagues/3/standings/", "X-Request-ID", "test-1");
        List<JsonObject> lines = TEST.log().request("test-1");
        assertTrue(lines.stream().anyMatch(line -> text(line, "event").startsWith("computing standings")));
        assertTrue(lines.stream().noneMatch(line -> "debug".equals(text(line, "level"))), lines.toString());
    }

    /** The server's environment has TELEMETRY_LOG_QUEUE_SIZE=4096 (see the failsafe configuration). */
    @Test
    void anEnvironmentVariableBeatsTheApplicationsProperties() {
        JsonObject initialized = TEST.log().await(line -> event(line, "telemetry_initialized"));
        assertEquals(4096, LogFile.number(initialized, "telemetry.log.queue-size"));
        assertEquals("test", text(initialized, "mp.config.profile"));
    }

    /** JUL loggers are shared by all applications: no deployment's file holds another deployment's records. */
    @Test
    void applicationsSharingLoggerCategoriesDoNotSeeEachOthersRecords() {
        Http.get(devJsonUrl, "/api/drafts/12/", "X-Request-ID", "isolation-dev-json");
        Http.get(testUrl, "/api/drafts/12/", "X-Request-ID", "isolation-test");
        TEST.log().completed("isolation-test");
        DEV_JSON.log().completed("isolation-dev-json");
        for (SampleApp app : List.of(TEST, DEV_JSON)) {
            for (JsonObject line : app.log().lines()) {
                String requestId = text(line, "request.id");
                assertTrue(LogFile.startup(line) || requestId != null, "foreign line " + line);
                assertFalse(requestId != null && requestId.startsWith("isolation-")
                        && !requestId.equals(app == TEST ? "isolation-test" : "isolation-dev-json"), line.toString());
            }
        }
    }

    @Test
    void prodIsJsonAtError() {
        Http.get(prodUrl, "/api/tournaments/5/", "X-Request-ID", "prod-ok");
        Http.get(prodUrl, "/api/tournaments/5/explode", "X-Request-ID", "prod-fail");
        JsonObject completed = PROD.log().completed("prod-fail");
        assertEquals("error", text(completed, "level"));
        List<JsonObject> lines = PROD.log().lines();
        assertFalse(lines.stream().anyMatch(line -> "prod-ok".equals(text(line, "request.id"))), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> "info".equals(text(line, "level")) && !LogFile.startup(line)),
                lines.toString());
        JsonObject initialized = PROD.log().await(line -> event(line, "telemetry_initialized"));
        assertEquals("prod", text(initialized, "mp.config.profile"));
        assertEquals("ERROR", text(initialized, "log.level"));
    }

    @Test
    void anExplicitLevelBeatsTheProdDefault() {
        Http.get(prodInfoUrl, "/api/tournaments/5/", "X-Request-ID", "prod-info-ok");
        assertEquals("info", text(PROD_INFO.log().completed("prod-info-ok"), "level"));
    }
}
