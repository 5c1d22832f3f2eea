package dev.telemetrycdi.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses output lines with a real JSON parser and checks what every line must be: one line, no duplicate key. */
final class JsonLines {
    private JsonLines() {
    }

    /** Parses one formatted line (ending in exactly one line feed) after checking it is one valid line. */
    static JsonObject parse(String line) {
        assertTrue(line.endsWith("\n"), "line must end with \\n: " + line);
        String body = line.substring(0, line.length() - 1);
        assertSingleLine(body);
        keys(body); // fails on a duplicate key
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** Every line of {@code output}, parsed. */
    static List<JsonObject> parseAll(String output) {
        List<JsonObject> objects = new ArrayList<>();
        int start = 0;
        while (start < output.length()) {
            int end = output.indexOf('\n', start);
            assertTrue(end >= 0, "output must end with \\n");
            objects.add(parse(output.substring(start, end + 1)));
            start = end + 1;
        }
        return objects;
    }

    /** The top-level keys of a JSON object text in order, failing if one appears twice. */
    static List<String> keys(String body) {
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int depth = 0;
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT:
                    case START_ARRAY:
                        depth++;
                        break;
                    case END_OBJECT:
                    case END_ARRAY:
                        depth--;
                        break;
                    case KEY_NAME:
                        if (depth == 1) {
                            String key = parser.getString();
                            if (!seen.add(key)) {
                                fail("duplicate key " + key + " in " + excerpt(body));
                            }
                            keys.add(key);
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        return keys;
    }

    /** No character a reader could take as a line break, and text that survives UTF-8 unchanged. */
    static void assertSingleLine(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\u000b'
                    || c == '\u000c') {
                fail("line break character U+" + Integer.toHexString(c) + " at " + i + " in " + excerpt(body));
            }
        }
        assertEquals(body, new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                "a lone surrogate is left in the output");
    }

    private static String excerpt(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
