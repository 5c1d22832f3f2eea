package dev.telemetrycdi.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.net.http.HttpResponse;

import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The design's label examples, end to end: the request_completed line of each path carries its labels and ids. */
@ExtendWith(ArquillianExtension.class)
class LabelsIT {
    private static final SampleApp APP = SampleApp.named("labels");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void tournament() {
        JsonObject line = completed("/api/tournaments/5/", "labels-tournament");
        assertEquals(Json.createArrayBuilder().add("tournament").build(), line.getJsonArray("labels"));
        assertEquals(5, number(line, "tournament.id"));
        assertEquals("/api/tournaments/{id}", text(line, "http.route"));
        assertEquals(200, number(line, "http.response.status_code"));
    }

    @Test
    void draftOfTournament() {
        JsonObject line = completed("/api/tournaments/5/draft/12/", "labels-draft");
        assertEquals(Json.createArrayBuilder().add("tournament").add("draft").build(), line.getJsonArray("labels"));
        assertEquals(5, number(line, "tournament.id"));
        assertEquals(12, number(line, "draft.id"));
        assertEquals("/api/tournaments/{id}/draft/{draftId}", text(line, "http.route"));
    }

    @Test
    void leagueStandings() {
        JsonObject line = completed("/api/leagues/3/standings/", "labels-league");
        assertEquals(Json.createArrayBuilder().add("league").add("standings").build(), line.getJsonArray("labels"));
        assertEquals(3, number(line, "league.id"));
    }

    @Test
    void usersHaveALabelButNoId() {
        JsonObject line = completed("/api/users/me", "labels-user");
        assertEquals(Json.createArrayBuilder().add("user").build(), line.getJsonArray("labels"));
        assertFalse(line.keySet().stream().anyMatch(key -> key.startsWith("user.") && !key.equals("user.id")));
        assertEquals(401, number(line, "http.response.status_code"));
    }

    @Test
    void unknownPathsHaveNoLabels() {
        JsonObject line = completed("/api/nothing/here/7", "labels-unknown");
        assertNull(line.get("labels"));
        assertEquals(404, number(line, "http.response.status_code"));
        assertNull(line.get("http.route"));
    }

    @Test
    void logLinesInsideTheResourceCarryTheLabels() {
        String id = "labels-inside";
        HttpResponse<String> response = Http.get(base, "/api/tournaments/5/", "X-Request-ID", id);
        assertEquals(200, response.statusCode());
        JsonObject loaded = APP.log().request(id).stream()
                .filter(line -> LogFile.event(line, "tournament_loaded")).findFirst().orElseThrow();
        assertEquals(5, number(loaded, "tournament.id"));
        assertEquals("dev.dtx.sample.resources.TournamentResource", text(loaded, "logger"));
    }

    /** Odd and hostile paths: the application keeps answering, every line stays one JSON object, ids stay bounded. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/tournaments/%0d%0aX-Injected:%201/", "/api/tournaments/%24%7Bjndi:ldap:%2F%2Fx%7D",
            "/api/tournaments/5;jsessionid=abc/draft/12", "/api//tournaments///5", "/api/tournaments/Z%C3%BCrich",
            "/api/tournaments/99999999999999999999999", "/api/tournaments/%22quoted%22"})
    void oddPathsStayOneValidLineWithBoundedIds(String path) {
        String id = "odd-" + Integer.toHexString(path.hashCode());
        Http.RawResponse response = Http.raw(base, path, java.util.Map.of("X-Request-ID",
                id.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertTrue(response.status() < 500, "the application keeps answering: " + response.text());
        if (response.status() == 400) {
            APP.log().lines(); // refused by the server itself: whatever was written still parses
            return;
        }
        JsonObject line = APP.log().completed(id);
        assertEquals(response.status(), number(line, "http.response.status_code"));
        for (String key : line.keySet()) {
            if (key.endsWith(".id") && !key.equals("request.id")) {
                var value = line.get(key);
                assertTrue(value.getValueType() == jakarta.json.JsonValue.ValueType.NUMBER
                        || text(line, key).matches("[A-Za-z0-9_-]{1,64}"), line.toString());
            }
        }
        APP.log().lines();
    }

    private JsonObject completed(String path, String requestId) {
        Http.get(base, path, "X-Request-ID", requestId);
        return APP.log().completed(requestId);
    }
}
