package dev.telemetrycdi.internal.labels;

import static dev.telemetrycdi.internal.labels.FieldsAssert.assertFields;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telemetrycdi.internal.context.Fields;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelExtractorPathTest {
    private final LabelExtractor extractor = new LabelExtractor(SampleLabels.RULES);

    @Test
    void designExamples() {
        assertFields(extractor.fromPath("/api/tournaments/5/"),
                "labels", List.of("tournament"), "tournament.id", 5L);
        assertFields(extractor.fromPath("/api/tournaments/5/draft/12/"),
                "labels", List.of("tournament", "draft"), "tournament.id", 5L, "draft.id", 12L);
        assertFields(extractor.fromPath("/api/leagues/3/standings/"),
                "labels", List.of("league", "standings"), "league.id", 3L);
    }

    @Test
    void everyResourceOfTheDesignTable() {
        assertFields(extractor.fromPath("/api/drafts/7"), "labels", List.of("draft"), "draft.id", 7L);
        assertFields(extractor.fromPath("/api/organizations/2"),
                "labels", List.of("organization"), "organization.id", 2L);
        assertFields(extractor.fromPath("/api/matches/9/"), "labels", List.of("match"), "match.id", 9L);
    }

    @Test
    void tagsNeverTakeAnId() {
        assertFields(extractor.fromPath("/api/users/42/profile"), "labels", List.of("user"));
        assertFields(extractor.fromPath("/api/users"), "labels", List.of("user"));
    }

    @Test
    void labelsListIsImmutable() {
        Object labels = extractor.fromPath("/api/tournaments/5").get("labels");
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) labels).clear());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/unknown/5", "/other/tournaments/5", "/apix/tournaments/5", "api/tournaments/5",
            "/api", "/api/", "", "/", "/tournaments/5", "//api/tournaments/5", "/API/tournaments/5",
            "/api/Tournaments/5", "/api?x=/tournaments/5"})
    void nothingToLabelIsEmpty(String path) {
        assertSame(Fields.EMPTY, extractor.fromPath(path));
    }

    @Test
    void nullPathIsEmpty() {
        assertSame(Fields.EMPTY, extractor.fromPath(null));
    }

    @Test
    void idTypes() {
        assertFields(extractor.fromPath("/api/tournaments/abc-def"),
                "labels", List.of("tournament"), "tournament.id", "abc-def");
        assertFields(extractor.fromPath("/api/tournaments/0005"),
                "labels", List.of("tournament"), "tournament.id", "0005");
        assertFields(extractor.fromPath("/api/tournaments/0"), "labels", List.of("tournament"), "tournament.id", 0L);
        assertFields(extractor.fromPath("/api/tournaments/99999999999999999999"),
                "labels", List.of("tournament"), "tournament.id", "99999999999999999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${jndi:ldap:x}", "${jndi:ldap://evil/a}", "%0d%0aforged", "a\r\nb", "caf\u00e9",
            "<script>", "a b", "5.0", "%2e%2e", "x%00"})
    void hostileSegmentsGiveNoId(String segment) {
        assertFields(extractor.fromPath("/api/tournaments/" + segment), "labels", List.of("tournament"));
    }

    @Test
    void overlongSegmentGivesNoId() {
        assertFields(extractor.fromPath("/api/tournaments/" + "a".repeat(65) + "/draft/3"),
                "labels", List.of("tournament", "draft"), "draft.id", 3L);
    }

    @Test
    void unknownSegmentsAreSkippedWithTheirIds() {
        assertFields(extractor.fromPath("/api/v1/tournaments/5/rounds/2/matches/9"),
                "labels", List.of("tournament", "match"), "tournament.id", 5L, "match.id", 9L);
    }

    @Test
    void aConfiguredSegmentIsNotAnId() {
        assertFields(extractor.fromPath("/api/tournaments/draft/12"),
                "labels", List.of("tournament", "draft"), "draft.id", 12L);
        assertFields(extractor.fromPath("/api/organizations/users/4"),
                "labels", List.of("organization", "user"));
    }

    @Test
    void firstOccurrenceWins() {
        assertFields(extractor.fromPath("/api/tournaments/5/tournaments/6/leagues/7"),
                "labels", List.of("tournament", "league"), "tournament.id", 5L, "league.id", 7L);
        assertFields(extractor.fromPath("/api/drafts/1/draft/2"), "labels", List.of("draft"), "draft.id", 1L);
        assertFields(extractor.fromPath("/api/tournaments/current/tournaments/6"),
                "labels", List.of("tournament"), "tournament.id", "current");
    }

    @Test
    void emptySegmentsAreSkipped() {
        assertFields(extractor.fromPath("/api//tournaments//5///draft/12"),
                "labels", List.of("tournament", "draft"), "tournament.id", 5L, "draft.id", 12L);
    }

    @Test
    void queryFragmentAndMatrixParametersAreNotPartOfSegments() {
        assertFields(extractor.fromPath("/api/tournaments/5?draft=12"),
                "labels", List.of("tournament"), "tournament.id", 5L);
        assertFields(extractor.fromPath("/api/tournaments/5#draft/12"),
                "labels", List.of("tournament"), "tournament.id", 5L);
        assertFields(extractor.fromPath("/api/tournaments?x=/draft/12"), "labels", List.of("tournament"));
        assertFields(extractor.fromPath("/api/tournaments/5;jsessionid=ABC/draft;v=1/12"),
                "labels", List.of("tournament", "draft"), "tournament.id", 5L, "draft.id", 12L);
        assertFields(extractor.fromPath("/api;v=2/tournaments/5"), "labels", List.of("tournament"), "tournament.id",
                5L);
    }

    @Test
    void atMostEightLabels() {
        Map<String, String> resources = new LinkedHashMap<>();
        for (char c = 'a'; c <= 'j'; c++) {
            resources.put(String.valueOf(c), "label" + c);
        }
        LabelExtractor many = new LabelExtractor(LabelRules.of("", resources, Map.of()));
        Fields fields = many.fromPath("/a/1/b/2/c/3/d/4/e/5/f/6/g/7/h/8/i/9/j/10");
        assertFields(fields, "labels", List.of("labela", "labelb", "labelc", "labeld", "labele", "labelf",
                        "labelg", "labelh"),
                "labela.id", 1L, "labelb.id", 2L, "labelc.id", 3L, "labeld.id", 4L, "labele.id", 5L,
                "labelf.id", 6L, "labelg.id", 7L, "labelh.id", 8L);
    }

    @Test
    void atMostThirtyTwoSegments() {
        String thirtyOne = "/x".repeat(31);
        assertFields(extractor.fromPath("/api" + thirtyOne + "/tournaments/5"), "labels", List.of("tournament"));
        assertSame(Fields.EMPTY, extractor.fromPath("/api" + thirtyOne + "/x/tournaments/5"));
        assertFields(extractor.fromPath("/api" + "/x".repeat(30) + "/tournaments/5"),
                "labels", List.of("tournament"), "tournament.id", 5L);
    }

    @Test
    void onlyTheFirst2048CharactersAreRead() {
        String head = "/api/" + "y".repeat(2048 - "/api/".length() - "/tournaments/5".length());
        assertFields(extractor.fromPath(head + "/tournaments/5"),
                "labels", List.of("tournament"), "tournament.id", 5L);
        assertFields(extractor.fromPath(head + "/tournaments/5/draft/1"),
                "labels", List.of("tournament"), "tournament.id", 5L);
        assertFields(extractor.fromPath(head + "/tournaments/56"), "labels", List.of("tournament"));
        assertFields(extractor.fromPath(head + "x/tournaments/5"), "labels", List.of("tournament"));
        assertSame(Fields.EMPTY, extractor.fromPath(head + "xxxxxxxxxxxxxx/tournaments/5"));
    }

    @Test
    void hugePathsCompleteQuicklyWithBoundedOutput() {
        String huge = "/api/tournaments/5/" + "draft/1/".repeat(12_500) + "x".repeat(100_000);
        assertTrue(huge.length() > 100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 10_000; i++) {
                assertTrue(extractor.fromPath(huge).size() <= 1 + LabelPlan.MAX_LABELS);
            }
        });
        assertFields(extractor.fromPath(huge), "labels", List.of("tournament", "draft"),
                "tournament.id", 5L, "draft.id", 1L);
        String slashes = "/api" + "/".repeat(100_000) + "tournaments/5";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertSame(Fields.EMPTY, extractor.fromPath(slashes)));
    }

    @Test
    void customRules() {
        LabelExtractor v2 = new LabelExtractor(LabelRules.of("/v2", Map.of("games", "game"), Map.of()));
        assertFields(v2.fromPath("/v2/games/7"), "labels", List.of("game"), "game.id", 7L);
        assertSame(Fields.EMPTY, v2.fromPath("/api/tournaments/5"));
        assertSame(Fields.EMPTY, v2.fromPath("/v2x/games/7"));

        LabelExtractor noPrefix = new LabelExtractor(LabelRules.of("", SampleLabels.RULES.resources(),
                SampleLabels.RULES.tags()));
        assertFields(noPrefix.fromPath("/tournaments/5"), "labels", List.of("tournament"), "tournament.id", 5L);
        assertFields(noPrefix.fromPath("/api/tournaments/5"), "labels", List.of("tournament"), "tournament.id", 5L);
    }

    @Test
    void configuredSegmentsMayContainDots() {
        LabelExtractor faces = new LabelExtractor(LabelRules.of("/", Map.of("orders.xhtml", "order"),
                Map.of("user.jsf", "user")));
        assertFields(faces.fromPath("/user.jsf"), "labels", List.of("user"));
        assertFields(faces.fromPath("/app/user.jsf;jsessionid=ABC?x=1"), "labels", List.of("user"));
        assertFields(faces.fromPath("/orders.xhtml/5"), "labels", List.of("order"), "order.id", 5L);
        assertFields(faces.fromPath("/orders.xhtml/5.0"), "labels", List.of("order"));
        assertSame(Fields.EMPTY, faces.fromPath("/user%2Ejsf"));
        assertSame(Fields.EMPTY, faces.fromPath("/user.jsfx"));
        assertSame(Fields.EMPTY, faces.fromPath("/../user.JSF"));
    }

    @Test
    void rawPathsNeverGetLabelsByTheRouteRule() {
        LabelExtractor zeroConfig = new LabelExtractor(LabelRules.DEFAULT);
        assertSame(Fields.EMPTY, zeroConfig.fromPath("/todos/5"));
        assertSame(Fields.EMPTY, zeroConfig.fromPath("/api/tournaments/5/draft/12/"));
    }

    @Test
    void multiSegmentPrefix() {
        LabelExtractor v1 = new LabelExtractor(LabelRules.of("/api/v1/", Map.of("games", "game"), Map.of()));
        assertFields(v1.fromPath("/api/v1/games/7"), "labels", List.of("game"), "game.id", 7L);
        assertSame(Fields.EMPTY, v1.fromPath("/api/games/7"));
    }
}
