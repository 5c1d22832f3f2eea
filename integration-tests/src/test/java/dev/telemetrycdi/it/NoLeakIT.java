package dev.telemetrycdi.it;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No context leaks into another request served on the same thread. The server's pool is small and the requests
 * sequential, so threads are reused many times; requests that bind labels, users, throw, abort or go async are
 * interleaved with plain ones, and every line must carry exactly its own request's context.
 */
@ExtendWith(ArquillianExtension.class)
class NoLeakIT {
    private static final SampleApp APP = SampleApp.named("no-leak");
    private static final int ROUNDS = 40;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void everyLineCarriesOnlyItsOwnRequestsContext() {
        Map<String, Long> tournamentOf = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            String tournament = "leak-t-" + round;
            long tournamentId = 1 + round % 5;
            tournamentOf.put(tournament, tournamentId);
            Http.get(base, "/api/tournaments/" + tournamentId + "/", "X-Request-ID", tournament);
            Http.get(base, "/api/users/me", "X-Request-ID", "leak-u-" + round,
                    "Authorization", Http.basic("alice", "alicepw"));
            Http.get(base, "/api/tournaments/" + tournamentId + "/explode", "X-Request-ID", "leak-x-" + round);
            Http.get(base, "/api/leagues/3/standings/async", "X-Request-ID", "leak-a-" + round);
            Http.send(base, "POST", "/api/matches/8/score?points=1", "X-Request-ID", "leak-m-" + round);
            Http.get(base, "/api/ping", "X-Request-ID", "leak-p-" + round);
        }
        APP.log().completed("leak-p-" + (ROUNDS - 1));

        List<JsonObject> lines = APP.log().lines();
        int pings = 0;
        for (JsonObject line : lines) {
            String id = text(line, "request.id");
            if (id == null) {
                assertTrue(LogFile.startup(line), "a line without request: " + line);
                continue;
            }
            assertTrue(id.startsWith("leak-"), "foreign request id: " + line);
            if (!id.startsWith("leak-u-")) {
                assertNull(line.get("user.id"), "user leaked into " + line);
            } else {
                assertEquals("alice", text(line, "user.id"), line.toString());
            }
            if (id.startsWith("leak-p-")) {
                assertNull(line.get("labels"), "labels leaked into " + line);
                assertTrue(line.keySet().stream().noneMatch(key -> key.endsWith(".id") && !key.equals("request.id")),
                        "ids leaked into " + line);
                pings += event(line, "request_completed") ? 1 : 0;
            }
            if (!id.startsWith("leak-m-")) {
                assertNull(line.get("match.id"), "match.id leaked into " + line);
            }
            Long tournamentId = tournamentOf.get(id);
            if (tournamentId != null) {
                JsonNumber bound = line.getJsonNumber("tournament.id");
                assertNotNull(bound, line.toString());
                assertEquals(tournamentId.longValue(), bound.longValueExact(), line.toString());
            }
        }
        assertEquals(ROUNDS, pings);
        for (int round = 0; round < ROUNDS; round++) {
            for (String kind : List.of("t", "u", "x", "a", "m", "p")) {
                APP.log().completed("leak-" + kind + "-" + round);
            }
        }
    }
}
