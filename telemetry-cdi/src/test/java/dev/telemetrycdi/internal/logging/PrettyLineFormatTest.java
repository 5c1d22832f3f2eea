package dev.telemetrycdi.internal.logging;

import static dev.telemetrycdi.internal.logging.Events.MILLIS;
import static dev.telemetrycdi.internal.logging.Events.event;
import static dev.telemetrycdi.internal.logging.Events.pretty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;

import java.util.List;

import org.junit.jupiter.api.Test;

class PrettyLineFormatTest {

    @Test
    void writesLikeStructlogsConsoleRenderer() {
        Fields context = Fields.of("request.id", "abc-123", "labels", List.of("tournament"), "tournament.id", 5L);
        String line = pretty(event("request_completed", context, Fields.of("duration_ms", 45.2, "ok", true)),
                false);

        assertEquals("2026-01-20 14:32:15 [info    ] request_completed              [com.acme.Api]"
                + " request.id=abc-123 labels=['tournament'] tournament.id=5 duration_ms=45.2 ok=true\n", line);
    }

    @Test
    void padsNothingWhenNothingFollowsTheEvent() {
        String line = pretty(new LogEvent(MILLIS, LogLevel.CRITICAL, null, "started", null, null, null), false);

        assertEquals("2026-01-20 14:32:15 [critical] started\n", line);
    }

    @Test
    void quotesStringsOnlyWhenNeeded() {
        String line = pretty(new LogEvent(MILLIS, LogLevel.DEBUG, null, "a_very_long_event_name_that_exceeds_thirty",
                null, Fields.of("plain", "abc", "space", "hello world", "quote", "it's", "eq", "a=b", "empty", "",
                        "nothing", null, "list", List.of("a", 1, "b c"), "slash", "c:\\dir"), null), false);

        assertEquals("2026-01-20 14:32:15 [debug   ] a_very_long_event_name_that_exceeds_thirty plain=abc"
                + " space='hello world' quote='it\\'s' eq='a=b' empty='' nothing=null list=['a', 1, 'b c']"
                + " slash='c:\\\\dir'\n", line);
    }

    @Test
    void writesTheExceptionOnTheSameLine() {
        Exception thrown = new IllegalStateException("boom", new RuntimeException("cause"));
        String line = pretty(new LogEvent(MILLIS, LogLevel.ERROR, null, "request_failed", null,
                Fields.of("request.id", "r1"), thrown), false);

        assertEquals(1, line.split("\n", -1).length - 1);
        assertTrue(line.startsWith("2026-01-20 14:32:15 [error   ] request_failed                 request.id=r1"
                + " exception.type=java.lang.IllegalStateException exception.message=boom"
                + " exception.stacktrace='java.lang.IllegalStateException: boom\\n\\tat "), line);
        assertTrue(line.contains("\\nCaused by: java.lang.RuntimeException: cause\\n"), line);
        assertTrue(line.endsWith("'\n"), line);
    }

    @Test
    void escapesControlCharactersInEventKeysAndValues() {
        String line = pretty(event("two\nlines", Fields.EMPTY, Fields.of("k\tey", "v\r\n\u0000\u2028")), false);

        assertEquals("2026-01-20 14:32:15 [info    ] two\\nlines                     [com.acme.Api]"
                + " k\\tey='v\\r\\n\\u0000\\u2028'\n", line);
    }

    @Test
    void coloursLikeStructlogOnlyWhenAsked() {
        LogEvent event = new LogEvent(MILLIS, LogLevel.ERROR, "l", "e", null, Fields.of("k", "v"), null);
        String plain = pretty(event, false);
        String coloured = pretty(event, true);

        assertFalse(plain.contains("\u001b"));
        assertTrue(coloured.startsWith("\u001b[2m2026-01-20 14:32:15\u001b[0m [\u001b[31merror   \u001b[0m]"),
                coloured);
        assertTrue(coloured.contains("\u001b[36mk\u001b[0m=\u001b[35mv\u001b[0m"), coloured);
        assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }
}
