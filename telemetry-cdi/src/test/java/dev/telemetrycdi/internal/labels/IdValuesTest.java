package dev.telemetrycdi.internal.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdValuesTest {

    @Test
    void plainNumbersAreLongs() {
        assertEquals(5L, IdValues.parse("5"));
        assertEquals(0L, IdValues.parse("0"));
        assertEquals(123456789012345678L, IdValues.parse("123456789012345678"));
        assertEquals(999999999999999999L, IdValues.parse("999999999999999999"));
    }

    @Test
    void numbersThatCannotRoundTripAsLongsStayStrings() {
        assertEquals("0005", IdValues.parse("0005"));
        assertEquals("007", IdValues.parse("007"));
        assertEquals("00", IdValues.parse("00"));
        assertEquals("1234567890123456789", IdValues.parse("1234567890123456789"));
        assertEquals("99999999999999999999", IdValues.parse("99999999999999999999"));
        assertEquals("-5", IdValues.parse("-5"));
    }

    @Test
    void tokensAreStrings() {
        assertEquals("abc-def", IdValues.parse("abc-def"));
        assertEquals("snake_case", IdValues.parse("snake_case"));
        assertEquals("123e4567-e89b-12d3-a456-426614174000", IdValues.parse("123e4567-e89b-12d3-a456-426614174000"));
        String longest = "a".repeat(64);
        assertEquals(longest, IdValues.parse(longest));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "${jndi:ldap:x}", "%0d%0a", "a\r\nb", "caf\u00e9", "\u0661\u0662",
            "a.b", "a/b", "a;b", "<script>", "5\u0000", "\uD83D\uDE00"})
    void anythingElseIsNoId(String value) {
        assertNull(IdValues.parse(value));
    }

    @Test
    void nullAndOverlongAreNoId() {
        assertNull(IdValues.parse(null));
        assertNull(IdValues.parse("a".repeat(65)));
        assertNull(IdValues.parse("1".repeat(65)));
    }

    @Test
    void regionsParseWithoutSubstringingInvalidInput() {
        String text = "/api/tournaments/42/x";
        assertEquals(42L, IdValues.parse(text, 17, 19));
        assertEquals("tournaments", IdValues.parse(text, 5, 16));
        assertNull(IdValues.parse(text, 0, 4));
        assertNull(IdValues.parse(text, 3, 3));
    }

    @Test
    void tokenCheckCoversTheWholeRegion() {
        assertTrue(IdValues.isToken("aZ09_-", 0, 6));
        assertFalse(IdValues.isToken("aZ09_-!", 0, 7));
        assertTrue(IdValues.isToken("!ab!", 1, 3));
    }
}
