package dev.telemetrycdi.it;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way a request can end writes exactly one request_completed line with the real status and the request's
 * context: a throwing resource (plus one request_failed), an exception mapper, an aborting filter, async resources.
 */
@ExtendWith(ArquillianExtension.class)
class FailuresIT {
    private static final SampleApp APP = SampleApp.named("failures");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void aThrowingResourceLogsOneFailureAndOneCompletion() {
        HttpResponse<String> response = Http.get(base, "/api/tournaments/5/explode", "X-Request-ID", "fail-throw");
        assertEquals(500, response.statusCode());
        List<JsonObject> lines = APP.log().request("fail-throw");
        List<JsonObject> failed = lines.stream().filter(line -> event(line, "request_failed")).toList();
        assertEquals(1, failed.size(), lines.toString());
        JsonObject failure = failed.get(0);
        assertEquals("java.lang.IllegalStateException", text(failure, "exception.type"));
        assertEquals("bracket corrupted", text(failure, "exception.message"));
        assertTrue(text(failure, "exception.stacktrace").contains("TournamentResource.explode"));
        assertEquals("error", text(failure, "level"));
        assertEquals(5, number(failure, "tournament.id"));

        JsonObject completed = APP.log().completed("fail-throw");
        assertEquals(500, number(completed, "http.response.status_code"));
        assertEquals("error", text(completed, "level"));
        assertEquals("/api/tournaments/{id}/explode", text(completed, "http.route"));
        assertTrue(lines.indexOf(failure) < lines.indexOf(completed));
    }

    @Test
    void anExceptionMapperAnswerIsAWarningWithoutFailure() {
        HttpResponse<String> response = Http.get(base, "/api/matches/9/forfeit", "X-Request-ID", "fail-mapped");
        assertEquals(404, response.statusCode());
        JsonObject completed = APP.log().completed("fail-mapped");
        assertEquals(404, number(completed, "http.response.status_code"));
        assertEquals("warning", text(completed, "level"));
        assertEquals(9, number(completed, "match.id"));
        List<JsonObject> lines = APP.log().request("fail-mapped");
        assertTrue(lines.stream().noneMatch(line -> event(line, "request_failed")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> event(line, "match_not_found")), lines.toString());
    }

    @Test
    void anAbortingFilterIsLoggedWithItsStatus() {
        Http.get(base, "/api/leagues/3/standings/", "X-Request-ID", "fail-abort", "X-Sample-Block", "yes");
        JsonObject completed = APP.log().completed("fail-abort");
        assertEquals(403, number(completed, "http.response.status_code"));
        assertEquals(3, number(completed, "league.id"));
        assertTrue(APP.log().request("fail-abort").stream().anyMatch(line -> event(line, "request_blocked")));
    }

    @Test
    void anAsyncResponseIsCompletedOnceWithItsContext() {
        HttpResponse<String> response = Http.get(base, "/api/leagues/3/standings/async", "X-Request-ID", "async-1");
        assertEquals(200, response.statusCode());
        assertEquals("async-1", response.headers().firstValue("X-Request-ID").orElseThrow());
        JsonObject completed = APP.log().completed("async-1");
        assertEquals(200, number(completed, "http.response.status_code"));
        assertEquals(3, number(completed, "league.id"));
        assertEquals("/api/leagues/{id}/standings/async", text(completed, "http.route"));
    }

    @Test
    void aCompletionStageIsCompletedOnceWithItsContext() {
        HttpResponse<String> response = Http.get(base, "/api/leagues/3/standings/stage", "X-Request-ID", "stage-1");
        assertEquals(200, response.statusCode());
        JsonObject completed = APP.log().completed("stage-1");
        assertEquals(200, number(completed, "http.response.status_code"));
        assertEquals(3, number(completed, "league.id"));
    }

    @Test
    void aBadRequestIsAWarning() {
        HttpResponse<String> response = Http.send(base, "POST", "/api/matches/1/score?points=0",
                "X-Request-ID", "fail-400");
        assertEquals(400, response.statusCode());
        JsonObject completed = APP.log().completed("fail-400");
        assertEquals("warning", text(completed, "level"));
        assertEquals("POST", text(completed, "http.request.method"));
        assertNull(completed.get("exception.type"));
    }
}
