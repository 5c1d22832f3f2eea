package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static dev.telemetrycdi.it.LogFile.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions on the request lines of an application, each line parsed as JSON. */
final class Lines {
    private Lines() {
    }

    /**
     * The one {@code request_completed} line of {@code requestId}, after checking that it reports the status the
     * client got and that the response echoed the id.
     */
    static JsonObject completed(LogFile log, String requestId, HttpResponse<?> response) {
        return completed(log, requestId, response.statusCode(),
                response.headers().firstValue("X-Request-ID").orElse(null));
    }

    static JsonObject completed(LogFile log, String requestId, int status, String echoed) {
        JsonObject completed = log.completed(requestId);
        assertEquals(status, LogFile.number(completed, "http.response.status_code"),
                "the status the client got: " + completed);
        assertEquals(requestId, echoed, "X-Request-ID echoed for " + completed);
        return completed;
    }

    /** No {@code request_failed} line for the request. */
    static void assertNoFailure(LogFile log, String requestId) {
        List<JsonObject> failed = log.request(requestId).stream().filter(line -> event(line, "request_failed"))
                .toList();
        assertTrue(failed.isEmpty(), "no request_failed: " + failed);
    }

    /** No line of the log contains {@code secret} anywhere. */
    static void assertNoSecret(LogFile log, String secret) {
        for (String line : log.rawLines()) {
            if (line.contains(secret)) {
                fail("a line carries a secret: " + line);
            }
        }
    }

    /** The line's {@code labels}, or an empty list. */
    static List<String> labels(JsonObject line) {
        JsonValue labels = line.get("labels");
        return labels == null ? List.of()
                : labels.asJsonArray().stream().map(label -> ((JsonString) label).getString()).toList();
    }

    /** Every label of the line is one of {@code allowed}, and every {@code <label>.id} a plain id. */
    static void assertLabelsWithin(JsonObject line, Set<String> allowed) {
        JsonValue labels = line.get("labels");
        if (labels != null) {
            for (JsonValue label : labels.asJsonArray()) {
                String name = ((JsonString) label).getString();
                assertTrue(allowed.contains(name), "label " + name + " in " + line);
                JsonValue id = line.get(name + ".id");
                if (id != null) {
                    assertTrue(id.toString().matches("\"?[A-Za-z0-9_-]{1,64}\"?"), "id of " + name + ": " + line);
                }
            }
        }
    }
}
