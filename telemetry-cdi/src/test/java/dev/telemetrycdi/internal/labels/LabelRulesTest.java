package dev.telemetrycdi.internal.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelRulesTest {

    @Test
    void defaultsAreTheDesignTable() {
        LabelRules rules = LabelRules.DEFAULT;
        assertEquals("/api", rules.prefix());
        assertEquals(List.of("tournaments", "drafts", "draft", "leagues", "organizations", "matches"),
                List.copyOf(rules.resources().keySet()));
        assertEquals(List.of("tournament", "draft", "draft", "league", "organization", "match"),
                List.copyOf(rules.resources().values()));
        assertEquals(Map.of("users", "user", "standings", "standings"), rules.tags());
    }

    @ParameterizedTest
    @CsvSource(value = {"/api,/api", "api,/api", "/api/,/api", "/api//,/api", "' /v2/ ',/v2", "/api/v1,/api/v1",
            "'',''", "/,''", "///,''", "NULL,''"}, nullValues = "NULL")
    void prefixIsNormalised(String given, String expected) {
        assertEquals(expected, LabelRules.of(given, Map.of(), Map.of()).prefix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api//v1", "/a pi", "/api?x", "/api#x", "/api;x", "/{p}"})
    void unusablePrefixesFailFast(String prefix) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelRules.of(prefix, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains(prefix), e.getMessage());
    }

    @Test
    void mappingsAreCopiedInOrderAndUnmodifiable() {
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("games", "game");
        resources.put("cups", "cup");
        LabelRules rules = LabelRules.of("/v2", resources, Map.of("me", "self"));
        resources.put("later", "later");
        assertEquals(List.of("games", "cups"), List.copyOf(rules.resources().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> rules.tags().put("x", "y"));
        assertEquals("game.id", rules.idKey("game"));
    }

    @Test
    void invalidMappingsFailFast() {
        assertThrows(IllegalArgumentException.class, () -> LabelRules.of("/api", Map.of("a b", "x"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LabelRules.of("/api", Map.of("a", ""), Map.of()));
        assertThrows(NullPointerException.class, () -> LabelRules.of("/api", null, Map.of()));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> LabelRules.of("/api", Map.of("users", "user"), Map.of("users", "user")));
        assertTrue(both.getMessage().contains("\"users\""), both.getMessage());
    }

    @Test
    void parseMappingReadsCommaSeparatedPairs() {
        Map<String, String> mapping =
                LabelRules.parseMapping(" tournaments : tournament,drafts:draft ,, matches:match,");
        assertEquals(List.of("tournaments", "drafts", "matches"), List.copyOf(mapping.keySet()));
        assertEquals(List.of("tournament", "draft", "match"), List.copyOf(mapping.values()));
        assertThrows(UnsupportedOperationException.class, () -> mapping.put("x", "y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " , "})
    void blankSpecIsEmpty(String spec) {
        assertEquals(Map.of(), LabelRules.parseMapping(spec));
        assertEquals(Map.of(), LabelRules.parseMapping(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tournaments|tournaments", "a:b, tournaments=tournament|tournaments=tournament", ":x|:x", "x:|x:",
        "a:b:c|a:b:c", "a b:c|a b:c", "caf\u00e9:cafe|caf\u00e9:cafe", "a:b, a:c|a:c"})
    void parseMappingNamesTheBadEntry(String spec, String badEntry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelRules.parseMapping(spec));
        assertTrue(e.getMessage().contains("\"" + badEntry + "\""), e.getMessage());
    }

    @Test
    void parseMappingRejectsOverlongNames() {
        assertThrows(IllegalArgumentException.class, () -> LabelRules.parseMapping("a:" + "b".repeat(65)));
        assertEquals(1, LabelRules.parseMapping("a:" + "b".repeat(64)).size());
    }

    @Test
    void formatIsTheInverseOfParse() {
        String text = LabelRules.format(LabelRules.DEFAULT.resources());
        assertEquals("tournaments:tournament, drafts:draft, draft:draft, leagues:league,"
                + " organizations:organization, matches:match", text);
        assertEquals(LabelRules.DEFAULT.resources(), LabelRules.parseMapping(text));
        assertEquals("", LabelRules.format(Map.of()));
    }

    @Test
    void equalRulesAreEqual() {
        LabelRules same = LabelRules.of("api/", LabelRules.DEFAULT.resources(), LabelRules.DEFAULT.tags());
        assertEquals(LabelRules.DEFAULT, same);
        assertEquals(LabelRules.DEFAULT.hashCode(), same.hashCode());
        assertTrue(same.toString().contains("prefix=/api"), same.toString());
    }
}
