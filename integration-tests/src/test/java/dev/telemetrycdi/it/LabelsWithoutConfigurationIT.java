package dev.telemetrycdi.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The sample without its label table: the module's defaults configure nothing, and the labels come from the route
 * templates by the rule alone (a literal followed by a parameter), never from the raw path.
 */
@ExtendWith(ArquillianExtension.class)
class LabelsWithoutConfigurationIT {
    private static final SampleApp APP = SampleApp.named("labels-zero")
            .with("telemetry.labels.prefix", null)
            .with("telemetry.labels.resources", null)
            .with("telemetry.labels.tags", null)
            .with("telemetry.labels.websocket-prefix", null);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void theDefaultsConfigureNoPrefix() {
        Http.get(base, "/api/tournaments/5/", "X-Request-ID", "zero-start");
        APP.log().completed("zero-start");
        JsonObject initialized = APP.log().lines().stream()
                .filter(line -> event(line, "telemetry_initialized")).findFirst().orElseThrow();
        assertEquals("/", text(initialized, "telemetry.labels.prefix"));
    }

    @Test
    void routeTemplatesGiveLabelsAndIds() {
        JsonObject line = completed("/api/tournaments/5/draft/12/", "zero-draft");
        assertEquals("/api/tournaments/{id}/draft/{draftId}", text(line, "http.route"));
        assertEquals(Json.createArrayBuilder().add("tournament").add("draft").build(), line.getJsonArray("labels"));
        assertEquals(5, number(line, "tournament.id"));
        assertEquals(12, number(line, "draft.id"));
    }

    @Test
    void aLiteralAfterAParameterGivesNoLabel() {
        JsonObject line = completed("/api/leagues/3/standings/", "zero-standings");
        assertEquals("/api/leagues/{id}/standings", text(line, "http.route"));
        assertEquals(Json.createArrayBuilder().add("league").build(), line.getJsonArray("labels"));
        assertEquals(3, number(line, "league.id"));
    }

    @Test
    void literalsAloneGiveNoLabel() {
        JsonObject line = completed("/api/users/me", "zero-user");
        assertNull(line.get("labels"), line.toString());
    }

    @Test
    void rawPathsGiveNoLabel() {
        JsonObject line = completed("/api/nothing/here/7", "zero-unknown");
        assertEquals(404, number(line, "http.response.status_code"));
        assertNull(line.get("labels"), line.toString());
        assertFalse(line.keySet().stream().anyMatch(key -> key.endsWith(".id") && !key.equals("request.id")),
                line.toString());
    }

    private JsonObject completed(String path, String requestId) {
        Http.get(base, path, "X-Request-ID", requestId);
        return APP.log().completed(requestId);
    }
}
