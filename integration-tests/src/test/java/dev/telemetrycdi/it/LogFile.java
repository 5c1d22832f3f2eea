package dev.telemetrycdi.it;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The structured output of one test deployment. Every line is parsed as one JSON object by a real JSON parser:
 * a line that does not parse fails the test.
 */
public final class LogFile {
    private static final long WAIT_MS = 15_000;

    private final Path path;

    public LogFile(Path path) {
        this.path = path;
    }

    /** The file {@code name}.log in the suite's log directory ({@code it.logs}), the directory created if needed. */
    static LogFile named(String name) {
        Path dir = Path.of(System.getProperty("it.logs", "target/it-logs")).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LogFile(dir.resolve(name + ".log"));
    }

    public Path path() {
        return path;
    }

    public void reset() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file's complete raw lines (the writer is asynchronous: use {@link #await} to wait for a line). A last line
     * without its line break is still being written and is left out: a batch of lines can reach the file in more than
     * one write, and a test reading in between saw half a line (ExecutorIT on WildFly).
     */
    public List<String> rawLines() {
        try {
            if (!Files.exists(path)) {
                return List.of();
            }
            byte[] bytes = Files.readAllBytes(path); // cut before decoding: the tail may end inside a character
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line parsed as a JSON object. */
    public List<JsonObject> lines() {
        List<JsonObject> objects = new ArrayList<>();
        for (String line : rawLines()) {
            objects.add(parse(line));
        }
        return objects;
    }

    public static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        } catch (JsonParsingException | ClassCastException e) {
            return fail("not one JSON object: " + line, e);
        }
    }

    /** Waits until a line matches, and returns it. */
    public JsonObject await(Predicate<JsonObject> match) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            for (JsonObject line : lines()) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                return fail("no matching line in " + path + ":\n" + String.join("\n", rawLines()));
            }
            sleep();
        }
    }

    /** Waits for the {@code request_completed} line of {@code requestId}, then returns all lines of that request. */
    public List<JsonObject> request(String requestId) {
        await(line -> event(line, "request_completed") && requestId.equals(text(line, "request.id")));
        List<JsonObject> lines = new ArrayList<>();
        for (JsonObject line : lines()) {
            if (requestId.equals(text(line, "request.id"))) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The one {@code request_completed} line of {@code requestId} (fails if there are two). */
    public JsonObject completed(String requestId) {
        List<JsonObject> completed = request(requestId).stream()
                .filter(line -> event(line, "request_completed")).toList();
        if (completed.size() != 1) {
            fail("expected one request_completed for " + requestId + ", got " + completed);
        }
        return completed.get(0);
    }

    /** The lines the module writes once at start-up, outside any request. */
    static boolean startup(JsonObject line) {
        return event(line, "telemetry_initialized") || event(line, "tracing_enabled")
                || event(line, "tracing_disabled");
    }

    public static boolean event(JsonObject line, String event) {
        return event.equals(text(line, "event"));
    }

    public static String text(JsonObject line, String key) {
        JsonValue value = line.get(key);
        return value instanceof JsonString ? ((JsonString) value).getString() : null;
    }

    public static long number(JsonObject line, String key) {
        JsonValue value = line.get(key);
        if (!(value instanceof JsonNumber)) {
            fail(key + " is not a JSON number in " + line);
        }
        return ((JsonNumber) value).longValueExact();
    }

    public static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
