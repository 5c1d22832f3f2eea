package dev.telemetrycdi.it.minimal;

import jakarta.json.Json;
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
 * The module's output on the minimal server: every complete line parsed as one JSON object by a real JSON parser (a
 * line that does not parse fails the test). A last line without its line break is still being written and is left
 * out.
 */
final class JsonLines {
    private static final long WAIT_MS = 15_000;

    private final Path path;

    JsonLines(Path path) {
        this.path = path;
    }

    void reset() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonObject> lines() {
        List<JsonObject> objects = new ArrayList<>();
        for (String line : rawLines()) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                objects.add(reader.readObject());
            } catch (JsonParsingException | ClassCastException e) {
                fail("not one JSON object: " + line, e);
            }
        }
        return objects;
    }

    /** Waits until a line matches, then returns every line that matches. */
    List<JsonObject> await(Predicate<JsonObject> match) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            List<JsonObject> matching = lines().stream().filter(match).toList();
            if (!matching.isEmpty()) {
                return matching;
            }
            if (System.currentTimeMillis() > deadline) {
                return fail("no matching line in " + path + ":\n" + String.join("\n", rawLines()));
            }
            sleep();
        }
    }

    private List<String> rawLines() {
        try {
            if (!Files.exists(path)) {
                return List.of();
            }
            byte[] bytes = Files.readAllBytes(path);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonObject line, String key) {
        JsonValue value = line.get(key);
        return value instanceof JsonString ? ((JsonString) value).getString() : null;
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
