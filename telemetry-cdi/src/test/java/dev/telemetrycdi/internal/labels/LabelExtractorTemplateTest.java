package dev.telemetrycdi.internal.labels;

import static dev.telemetrycdi.internal.labels.FieldsAssert.assertFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.telemetrycdi.internal.context.Fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class LabelExtractorTemplateTest {
    private final LabelExtractor extractor = new LabelExtractor(SampleLabels.RULES);

    private static Function<String, String> params(String... namesAndValues) {
        return name -> {
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i].equals(name)) {
                    return namesAndValues[i + 1];
                }
            }
            return null;
        };
    }

    @Test
    void idsComeFromTheNamedParameters() {
        assertFields(
                extractor.fromTemplate("/api/tournaments/{id}/draft/{draftId}", params("id", "5", "draftId", "12")),
                "labels", List.of("tournament", "draft"), "tournament.id", 5L, "draft.id", 12L);
        assertFields(extractor.fromTemplate("/api/leagues/{league}/standings", params("league", "3")),
                "labels", List.of("league", "standings"), "league.id", 3L);
        assertFields(extractor.fromTemplate("/api/users/{userId}/profile", params("userId", "42")),
                "labels", List.of("user"));
    }

    @Test
    void regexParametersAndWhitespace() {
        assertFields(extractor.fromTemplate("/api/tournaments/{id: [0-9]+}", params("id", "5")),
                "labels", List.of("tournament"), "tournament.id", 5L);
        assertFields(extractor.fromTemplate("/api/matches/{ id :\\d{1,9}}/", params("id", "9")),
                "labels", List.of("match"), "match.id", 9L);
        assertFields(extractor.fromTemplate("/api/drafts/{rest: .+/.+}/leagues/{l}", params("rest", "a/b", "l", "3")),
                "labels", List.of("draft", "league"), "league.id", 3L);
    }

    @Test
    void literalAfterResourceGivesNoId() {
        assertFields(extractor.fromTemplate("/api/tournaments/current", params("current", "5")),
                "labels", List.of("tournament"));
        assertFields(extractor.fromTemplate("/api/tournaments/t{id}", params("id", "5")),
                "labels", List.of("tournament"));
        assertFields(extractor.fromTemplate("/api/tournaments/{}", params("", "5")), "labels", List.of("tournament"));
    }

    @Test
    void missingOrInvalidParametersGiveNoId() {
        assertFields(extractor.fromTemplate("/api/tournaments/{id}", params()), "labels", List.of("tournament"));
        assertFields(extractor.fromTemplate("/api/tournaments/{id}", null), "labels", List.of("tournament"));
        assertFields(extractor.fromTemplate("/api/tournaments/{id}", params("id", "${jndi:ldap:x}")),
                "labels", List.of("tournament"));
        assertFields(extractor.fromTemplate("/api/tournaments/{id}", params("id", "abc-def")),
                "labels", List.of("tournament"), "tournament.id", "abc-def");
        assertFields(extractor.fromTemplate("/api/tournaments/{id}", params("id", "0005")),
                "labels", List.of("tournament"), "tournament.id", "0005");
    }

    @Test
    void sameRulesAsPathsPlusTheRouteRule() {
        assertFields(extractor.fromTemplate("/api/unknown/{id}", params("id", "5")),
                "labels", List.of("unknown"), "unknown.id", 5L);
        assertSame(Fields.EMPTY, extractor.fromTemplate("/api/unknown/here", params("id", "5")));
        assertSame(Fields.EMPTY, extractor.fromTemplate("/other/tournaments/{id}", params("id", "5")));
        assertSame(Fields.EMPTY, extractor.fromTemplate("/apix/tournaments/{id}", params("id", "5")));
        assertSame(Fields.EMPTY, extractor.fromTemplate(null, params()));
        assertFields(extractor.fromTemplate("/api/tournaments/{a}/tournaments/{b}", params("a", "1", "b", "2")),
                "labels", List.of("tournament"), "tournament.id", 1L);
        assertFields(extractor.fromTemplate("/api//tournaments//{id}/", params("id", "1")),
                "labels", List.of("tournament"), "tournament.id", 1L);
        LabelExtractor v2 = new LabelExtractor(LabelRules.of("v2", Map.of("games", "game"), Map.of()));
        assertFields(v2.fromTemplate("/v2/games/{g}", params("g", "7")), "labels", List.of("game"), "game.id", 7L);
    }

    @Test
    void onlyTheParametersOfThePlanAreLookedUp() {
        List<String> asked = new ArrayList<>();
        Function<String, String> recording = name -> {
            asked.add(name);
            return "1";
        };
        extractor.fromTemplate("/api/tournaments/{id}/teams/{team}/draft/{draftId}/users/{u}", recording);
        assertEquals(List.of("id", "team", "draftId"), asked, "users is a tag: its parameter is no id");
    }

    @Test
    void plansAreCachedUpToTheBound() {
        LabelExtractor fresh = new LabelExtractor(SampleLabels.RULES);
        fresh.fromTemplate("/api/tournaments/{id}", params("id", "1"));
        fresh.fromTemplate("/api/tournaments/{id}", params("id", "2"));
        assertEquals(1, fresh.cachedTemplates());
        for (int i = 0; i < LabelExtractor.MAX_CACHED_TEMPLATES + 50; i++) {
            assertFields(fresh.fromTemplate("/api/tournaments/{id}/x" + i, params("id", String.valueOf(i))),
                    "labels", List.of("tournament"), "tournament.id", (long) i);
        }
        assertEquals(LabelExtractor.MAX_CACHED_TEMPLATES, fresh.cachedTemplates());
        fresh.fromTemplate("/api/" + "x/".repeat(2100), params());
        assertEquals(LabelExtractor.MAX_CACHED_TEMPLATES, fresh.cachedTemplates());
    }

    @Test
    void cachedPlanGivesPerRequestIds() {
        String template = "/api/tournaments/{id}/draft/{draftId}";
        assertFields(extractor.fromTemplate(template, params("id", "1", "draftId", "2")),
                "labels", List.of("tournament", "draft"), "tournament.id", 1L, "draft.id", 2L);
        assertFields(extractor.fromTemplate(template, params("id", "3")),
                "labels", List.of("tournament", "draft"), "tournament.id", 3L);
    }

    @Test
    void concurrentCallersShareOneExtractor() throws Exception {
        LabelExtractor shared = new LabelExtractor(SampleLabels.RULES);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long base = t * 100_000L;
                results.add(pool.submit(() -> {
                    for (long i = base; i < base + 2_000; i++) {
                        String id = String.valueOf(i);
                        assertFields(shared.fromTemplate("/api/tournaments/{id}/x" + (i % 40), params("id", id)),
                                "labels", List.of("tournament"), "tournament.id", i);
                        assertFields(shared.fromPath("/api/leagues/" + id + "/standings"),
                                "labels", List.of("league", "standings"), "league.id", i);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, shared.cachedTemplates());
    }
}
