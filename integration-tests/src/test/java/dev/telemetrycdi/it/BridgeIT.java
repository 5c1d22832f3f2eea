package dev.telemetrycdi.it;

import dev.telemetrycdi.it.probe.MdcProbe;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The application's own java.util.logging and JBoss Logging records, in the configured categories, come out in the
 * same JSON with the same context; and {@code @BindContext} binds parameters for a CDI call and restores after it.
 */
@ExtendWith(ArquillianExtension.class)
class BridgeIT {
    private static final SampleApp APP = SampleApp.named("bridge");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war().addClass(MdcProbe.class);
    }

    /**
     * WildFly: the application's JBoss Logging MDC and the server's JBoss LogManager MDC are one (the WAR carries no
     * jboss-logmanager: the module's formatters and the server's handlers read the server's MDC).
     */
    @Test
    void onWildFlyThereIsOneMdcTheServers() {
        assumeFalse(Server.isLiberty(), "Open Liberty has no JBoss LogManager of its own");
        JsonObject answer = LogFile.parse(Http.get(base, "/api/probe/mdc", "X-Request-ID", "bridge-mdc").body());
        assertEquals("probe-value", text(answer, "seen"));
        assertFalse(answer.getBoolean("fromApplication"), "the server's MDC class, not a copy in the WAR");
    }

    @Test
    void julRecordsCarryTheRequestContext() {
        Http.get(base, "/api/drafts/12/", "X-Request-ID", "bridge-jul");
        JsonObject line = APP.log().request("bridge-jul").stream()
                .filter(each -> text(each, "event").startsWith("loading draft")).findFirst().orElseThrow();
        assertEquals("info", text(line, "level"));
        assertEquals("dev.dtx.sample.resources.DraftResource", text(line, "logger"));
        assertEquals(12, number(line, "draft.id"));
    }

    @Test
    void jbossLoggingRecordsCarryTheRequestContext() {
        Http.get(base, "/api/leagues/3/standings/", "X-Request-ID", "bridge-jboss");
        JsonObject line = APP.log().request("bridge-jboss").stream()
                .filter(each -> text(each, "event").startsWith("computing standings for league 3"))
                .findFirst().orElseThrow();
        assertEquals("dev.dtx.sample.resources.LeagueResource", text(line, "logger"));
        assertEquals(3, number(line, "league.id"));
    }

    /**
     * The bridge adds the module's output; it takes nothing from the server's own log (Open Liberty's
     * {@code messages.log}, WildFly's {@code server.log}), where the same record still arrives.
     */
    @Test
    void theServersOwnLogStillGetsTheApplicationsRecords() throws Exception {
        String message = "computing standings for league 3";
        long before = count(message);
        Http.get(base, "/api/leagues/3/standings/", "X-Request-ID", "bridge-server-log");
        APP.log().completed("bridge-server-log");
        Await.until(() -> count(message) > before, "the record in the server's log");
    }

    private static long count(String part) {
        try {
            return ServerLog.lines().stream().filter(line -> line.contains(part)).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void bindContextBindsForTheCallAndRestoresAfterIt() {
        HttpResponse<String> response = Http.send(base, "POST", "/api/matches/7/score?points=3",
                "X-Request-ID", "bridge-bind");
        assertEquals(200, response.statusCode());
        List<JsonObject> lines = APP.log().request("bridge-bind");
        JsonObject scored = lines.stream().filter(each -> event(each, "match_scored")).findFirst().orElseThrow();
        assertEquals(7, number(scored, "match.id"));
        assertEquals(3, number(scored, "score.points"));
        assertNull(APP.log().completed("bridge-bind").get("score.points"), "restored after the call");
    }

    @Test
    void bindContextRestoresWhenTheMethodThrows() {
        HttpResponse<String> response = Http.send(base, "POST", "/api/matches/999/score?points=4",
                "X-Request-ID", "bridge-throw");
        assertEquals(404, response.statusCode(), "the exception reaches the mapper unchanged");
        List<JsonObject> lines = APP.log().request("bridge-throw");
        JsonObject notFound = lines.stream().filter(each -> event(each, "match_not_found")).findFirst().orElseThrow();
        assertNull(notFound.get("score.points"), "restored after the exception");
        assertTrue(lines.stream().noneMatch(each -> each.containsKey("score.points")), lines.toString());
    }
}
