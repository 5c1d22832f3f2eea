package dev.telemetrycdi.internal.logging;

import static dev.telemetrycdi.internal.logging.Events.MILLIS;
import static dev.telemetrycdi.internal.logging.Events.json;
import static dev.telemetrycdi.internal.logging.Events.pretty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Input no line may break on: every place a string can go, in both formats. */
class HostileInputTest {

    static Stream<String> hostile() {
        return Stream.of(
                "line1\nline2", "cr\rlf\r\n", "\u2028separators\u2029", "next\u0085line", "tab\tvt\u000bff\f",
                "\"quoted\"", "back\\slash\\", "\\u0041 not an escape", "x".repeat(10 * 1024), "${jndi:ldap://x}",
                "Zürich ✓ 🎲", "lone high \ud800 surrogate", "lone low \udc00", "ends with high \ud83c",
                "nul\u0000byte", "\u001b[31mred\u001b[0m", "del\u007f and c1 \u009b", "</script><!--", "", " ",
                "key=value 'single'", "{\"nested\":\"json\"}");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void jsonKeepsOneLineAndRoundTripsEveryValue(String text) {
        LogEvent event = new LogEvent(MILLIS, LogLevel.ERROR, text, text, Fields.of("ctx" + text, text),
                Fields.of("own" + text, text, "list", List.of(text, text)), new IllegalStateException(text));
        JsonObject json = JsonLines.parse(json(event));
        String expected = replaceLoneSurrogates(text);

        assertEquals(expected, json.getString("event"));
        assertEquals(expected, json.getString("logger"));
        assertEquals(expected, json.getString("ctx" + expected));
        assertEquals(expected, json.getString("own" + expected));
        assertEquals(List.of(expected, expected), json.getJsonArray("list")
                .getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(expected, json.getString("exception.message"));
        assertTrue(json.getString("exception.stacktrace").startsWith("java.lang.IllegalStateException: "
                + expected));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void prettyKeepsOneLineWithoutEscapeSequences(String text) {
        LogEvent event = new LogEvent(MILLIS, LogLevel.ERROR, text, text, Fields.of("ctx" + text, text),
                Fields.of("own" + text, text, "list", List.of(text)), new IllegalStateException(text));
        for (boolean colors : new boolean[] {false, true}) {
            String line = pretty(event, colors);

            assertTrue(line.endsWith("\n"));
            String body = line.substring(0, line.length() - 1);
            JsonLines.assertSingleLine(body);
            String visible = colors ? body.replaceAll("\u001b\\[[0-9;]*m", "") : body;
            assertFalse(visible.indexOf('\u001b') >= 0, "escape character in " + body);
            if (colors) {
                assertEquals(pretty(event, false), visible + "\n");
            }
        }
    }

    private static String replaceLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return out.toString();
    }
}
