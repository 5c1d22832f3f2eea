package dev.telemetrycdi.internal.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void defaultsConfigureNothing() {
        LabelRules rules = LabelRules.DEFAULT;
        assertEquals("", rules.prefix());
        assertEquals(Map.of(), rules.resources());
        assertEquals(Map.of(), rules.tags());
    }

    @Test
    void segmentsMayContainDotsLabelsMayNot() {
        LabelRules rules = LabelRules.of("/", Map.of("v1.0", "version"), Map.of("user.jsf", "user"));
        assertEquals(Map.of("user.jsf", "user"), rules.tags());
        assertEquals(Map.of("index.xhtml", "home", "a.b.c", "abc"),
                LabelRules.parseMapping("index.xhtml:home, a.b.c:abc"));
        assertThrows(IllegalArgumentException.class, () -> LabelRules.of("/", Map.of("users", "user.x"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LabelRules.parseMapping("users:user.jsf"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".:x", "..:x", "...:x", "a/b.jsf:x", "user.jsf;x:x", "%2e%2e:x", "a..b c:x"})
    void dotOnlyOrOtherwiseUnusableSegmentsAreRejected(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelRules.parseMapping(spec));
        assertTrue(e.getMessage().contains(spec), e.getMessage());
    }

    @Test
    void dottedSegmentsAreBoundedLikeOthers() {
        assertEquals(1, LabelRules.parseMapping("a".repeat(60) + ".jsf:x").size());
        assertThrows(IllegalArgumentException.class, () -> LabelRules.parseMapping("a".repeat(61) + ".jsf:x"));
    }

    @Test
    void labelsWhoseIdIsAFieldOfTheModuleGetNoIdKey() {
        LabelRules rules = LabelRules.of("/", Map.of("users", "user", "games", "game"), Map.of());
        assertNull(rules.idKey("user"));
        assertNull(rules.idKey("request"));
        assertNull(rules.idKey("task"));
        assertEquals("game.id", rules.idKey("game"));
        assertEquals("order.id", rules.idKey("order"));
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
        String text = LabelRules.format(SampleLabels.RULES.resources());
        assertEquals("tournaments:tournament, drafts:draft, draft:draft, leagues:league,"
                + " organizations:organization, matches:match", text);
        assertEquals(SampleLabels.RULES.resources(), LabelRules.parseMapping(text));
        assertEquals("", LabelRules.format(Map.of()));
    }

    @Test
    void equalRulesAreEqual() {
        LabelRules same = LabelRules.of("api/", SampleLabels.RULES.resources(), SampleLabels.RULES.tags());
        assertEquals(SampleLabels.RULES, same);
        assertEquals(SampleLabels.RULES.hashCode(), same.hashCode());
        assertTrue(same.toString().contains("prefix=/api"), same.toString());
    }
}
