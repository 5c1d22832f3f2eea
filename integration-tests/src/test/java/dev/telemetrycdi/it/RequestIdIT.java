package dev.telemetrycdi.it;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code request.id}: accepted when well-formed, generated otherwise, echoed on every response, never logged raw. */
@ExtendWith(ArquillianExtension.class)
class RequestIdIT {
    private static final SampleApp APP = SampleApp.named("request-id");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void aWellFormedIdIsAcceptedEchoedAndLogged() {
        String id = "req-1.2:3+4/5=6@7_8";
        HttpResponse<String> response = Http.get(base, "/api/ping", "X-Request-ID", id);
        assertEquals(200, response.statusCode());
        assertEquals(id, response.headers().firstValue("X-Request-ID").orElseThrow());
        assertEquals(id, text(APP.log().completed(id), "request.id"));
    }

    @Test
    void aMissingIdIsGeneratedAsAUuid() {
        HttpResponse<String> response = Http.get(base, "/api/ping");
        String id = response.headers().firstValue("X-Request-ID").orElseThrow();
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals(200, number(APP.log().completed(id), "http.response.status_code"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/tournaments/5/explode", "/api/matches/1/forfeit", "/api/no-such-endpoint",
            "/api/users/me"})
    void errorResponsesEchoTheIdToo(String path) {
        String id = "echo-" + Math.abs(path.hashCode());
        HttpResponse<String> response = Http.get(base, path, "X-Request-ID", id);
        assertTrue(response.statusCode() >= 400, path + " answered " + response.statusCode());
        assertEquals(id, response.headers().firstValue("X-Request-ID").orElse(null), path);
        assertEquals(response.statusCode(), number(APP.log().completed(id), "http.response.status_code"));
    }

    @Test
    void anAbortingFilterStillEchoesTheId() {
        HttpResponse<String> response = Http.get(base, "/api/tournaments/5/", "X-Request-ID", "echo-abort",
                "X-Sample-Block", "yes");
        assertEquals(403, response.statusCode());
        assertEquals("echo-abort", response.headers().firstValue("X-Request-ID").orElseThrow());
        JsonObject completed = APP.log().completed("echo-abort");
        assertEquals(403, number(completed, "http.response.status_code"));
        assertEquals("warning", text(completed, "level"));
    }

    @Test
    void tooLongIdsAreReplaced() {
        String tooLong = "a".repeat(129);
        HttpResponse<String> response = Http.get(base, "/api/ping", "X-Request-ID", tooLong);
        String id = response.headers().firstValue("X-Request-ID").orElseThrow();
        assertNotEquals(tooLong, id);
        UUID.fromString(id);
        APP.log().completed(id);
        assertReplacementSaid(id);
        assertEquals(128, Http.get(base, "/api/ping", "X-Request-ID", "b".repeat(128)).headers()
                .firstValue("X-Request-ID").orElseThrow().length());
        assertTrue(APP.log().lines().stream().noneMatch(line -> "request_id_replaced".equals(text(line, "event"))
                && "b".repeat(128).equals(text(line, "request.id"))));
    }

    /** Hostile values: each request still gets one valid id, and no line anywhere contains the raw value. */
    @ParameterizedTest
    @ValueSource(strings = {"evil\"},{\"admin\":true", "${jndi:ldap://x/a}", "Zürich-✓", "a b", "<script>",
            "tab\there", "nul\u0000byte", "bell\u0007", "del\u007f"})
    void hostileIdsNeverReachTheLogRaw(String hostile) {
        Http.RawResponse response = Http.raw(base, "/api/tournaments/5/",
                Map.of("X-Request-ID", hostile.getBytes(StandardCharsets.UTF_8)));
        assertHandled(response, hostile);
    }

    @Test
    void headerInjectionAttemptsAreHandled() {
        byte[] crlf = "abc\r\nX-Injected: 1".getBytes(StandardCharsets.ISO_8859_1);
        Http.RawResponse response = Http.raw(base, "/api/tournaments/5/", Map.of("X-Request-ID", crlf));
        String id = response.header("X-Request-ID");
        assertNotNull(id, response.text());
        assertFalse(id.contains("\r") || id.contains("\n"));
        APP.log().completed(id);
        assertEveryLineValid();
    }

    @Test
    void tenKilobyteIdsAreReplaced() {
        String huge = "x".repeat(10 * 1024);
        HttpResponse<String> response = Http.get(base, "/api/ping", "X-Request-ID", huge);
        String id = response.headers().firstValue("X-Request-ID").orElseThrow();
        UUID.fromString(id);
        APP.log().completed(id);
        assertTrue(APP.log().rawLines().stream().noneMatch(line -> line.contains(huge)));
    }

    private void assertHandled(Http.RawResponse response, String hostile) {
        if (response.status() == 400) {
            // the server refused the request line itself; nothing of it may reach the log either
            assertEveryLineValid();
            assertTrue(APP.log().rawLines().stream().noneMatch(line -> line.contains(hostile)));
            return;
        }
        String id = response.header("X-Request-ID");
        assertNotNull(id, response.text());
        UUID.fromString(id);
        JsonObject completed = APP.log().completed(id);
        assertEquals(5, number(completed, "tournament.id"));
        assertReplacementSaid(id);
        assertEveryLineValid();
        List<String> raw = APP.log().rawLines();
        assertTrue(raw.stream().noneMatch(line -> line.contains(hostile)), "raw value logged: " + hostile);
    }

    /** One {@code request_id_replaced} line (warning, with the reason) in the context of the request's new id. */
    private static void assertReplacementSaid(String id) {
        JsonObject replaced = APP.log().await(line -> "request_id_replaced".equals(text(line, "event"))
                && id.equals(text(line, "request.id")));
        assertEquals("warning", text(replaced, "level"));
        assertEquals("dev.telemetrycdi.http", text(replaced, "logger"));
        assertTrue(text(replaced, "reason").startsWith("not 1-128 characters"), replaced.toString());
        assertEquals(1, APP.log().lines().stream().filter(line -> "request_id_replaced".equals(text(line, "event"))
                && id.equals(text(line, "request.id"))).count());
    }

    private void assertEveryLineValid() {
        for (String line : APP.log().rawLines()) {
            LogFile.parse(line);
        }
    }
}
