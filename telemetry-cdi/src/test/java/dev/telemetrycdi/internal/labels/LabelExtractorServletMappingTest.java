package dev.telemetrycdi.internal.labels;

import static dev.telemetrycdi.internal.labels.FieldsAssert.assertFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telemetrycdi.internal.context.Fields;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelExtractorServletMappingTest {
    private final LabelExtractor zeroConfig = new LabelExtractor(LabelRules.DEFAULT);
    private final LabelExtractor configured = new LabelExtractor(LabelRules.of("/",
            Map.of("tournaments", "tournament"),
            Map.of("user.jsf", "user", "login", "login", "users", "user", "index.xhtml", "home")));

    @ParameterizedTest
    @ValueSource(strings = {"/orders/5", "/orders/5/", "/orders/5;jsessionid=ABC123", "/orders//5", "/orders/5?x=1",
            "/orders;v=1/5"})
    void aPathMappingWithOneIdSegmentIsTheTemplateWithAnId(String path) {
        assertFields(zeroConfig.fromServletMapping("/orders/*", path), "labels", List.of("order"), "order.id", 5L);
    }

    @Test
    void idsMayBeTextWithADigit() {
        assertFields(zeroConfig.fromServletMapping("/orders/*", "/orders/abc-123"),
                "labels", List.of("order"), "order.id", "abc-123");
        assertFields(zeroConfig.fromServletMapping("/shop/orders/*", "/shop/orders/7"),
                "labels", List.of("order"), "order.id", 7L);
        assertFields(zeroConfig.fromServletMapping("/users/*", "/users/42"), "labels", List.of("user"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/orders/new", "/orders/", "/orders", "/orders/5/items/7", "/orders/5%2F6",
            "/orders/5.json", "/orders/..", "/orders/%2e%2e", "/orders/5 6", "/ordersx/5", "/other/5", "",
            "/orders/a1111111111111111111111111111111111111111111111111111111111111111"})
    void anyOtherPathUnderAPathMappingGetsNothingWithoutConfiguration(String path) {
        assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("/orders/*", path));
    }

    @Test
    void jaxRsApplicationMappingsGiveNoLabelFromRawWords() {
        assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("/api/*", "/api/ping"));
        assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("/api/*", "/api/todos"));
        assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("/api/*", "/api/todos/5"));
        assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("/*", "/5"));
        assertFields(configured.fromServletMapping("/api/*", "/api/tournaments/5"),
                "labels", List.of("tournament"), "tournament.id", 5L);
    }

    @ParameterizedTest
    @CsvSource(value = {"/login|/login", "*.jsf|/user.jsf", "/|/css/site.css", "''|/", "''|''", "/|/", "/*|/",
            "*.xhtml|/index.xhtml", "/faces/*|/faces/index.xhtml"}, delimiter = '|')
    void exactExtensionAndDefaultMappingsGetNothingWithoutConfiguration(String pattern, String path) {
        assertSame(Fields.EMPTY, zeroConfig.fromServletMapping(pattern, path));
    }

    @Test
    void configuredNamesLabelExactExtensionAndDefaultMappings() {
        assertFields(configured.fromServletMapping("/login", "/login"), "labels", List.of("login"));
        assertFields(configured.fromServletMapping("/login", "/login;jsessionid=x"), "labels", List.of("login"));
        assertFields(configured.fromServletMapping("*.jsf", "/user.jsf"), "labels", List.of("user"));
        assertFields(configured.fromServletMapping("*.jsf", "/admin/user.jsf;jsessionid=A1"), "labels",
                List.of("user"));
        assertFields(configured.fromServletMapping("/faces/*", "/faces/index.xhtml"), "labels", List.of("home"));
        assertFields(configured.fromServletMapping("/", "/tournaments/5/rules.html"),
                "labels", List.of("tournament"), "tournament.id", 5L);
        assertSame(Fields.EMPTY, configured.fromServletMapping("*.jsf", "/User.jsf"));
        assertSame(Fields.EMPTY, configured.fromServletMapping("*.jsf", "/user%2Ejsf"));
    }

    @Test
    void nullsAreEmpty() {
        assertSame(Fields.EMPTY, zeroConfig.fromServletMapping(null, "/orders/5"));
        assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("/orders/*", null));
    }

    @Test
    void plansAreCachedPerPatternUpToTheBound() {
        LabelExtractor fresh = new LabelExtractor(LabelRules.DEFAULT);
        fresh.fromServletMapping("/orders/*", "/orders/1");
        fresh.fromServletMapping("/orders/*", "/orders/2");
        assertEquals(1, fresh.cachedServletMappings());
        for (int i = 0; i < LabelExtractor.MAX_CACHED_TEMPLATES + 50; i++) {
            assertFields(fresh.fromServletMapping("/orders" + i + "/*", "/orders" + i + "/9"),
                    "labels", List.of("orders" + i), "orders" + i + ".id", 9L);
        }
        assertEquals(LabelExtractor.MAX_CACHED_TEMPLATES, fresh.cachedServletMappings());
        LabelExtractor other = new LabelExtractor(LabelRules.DEFAULT);
        other.fromServletMapping("/" + "x/".repeat(1100) + "*", "/x/1");
        assertEquals(0, other.cachedServletMappings());
    }

    @Test
    void hugeAndHostilePathsCompleteQuicklyWithoutLabelsFromRawText() {
        String huge = "/orders/5/" + "x".repeat(1_000_000);
        String slashes = "/orders/5" + "/".repeat(1_000_000);
        String matrix = "/orders/5;" + "a".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 1_000; i++) {
                assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("/orders/*", huge));
                assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("/orders/*", slashes));
                assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("/orders/*", matrix));
                assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("*.jsf", huge));
                assertSame(Fields.EMPTY, zeroConfig.fromServletMapping("/", slashes));
            }
        });
    }

    @Test
    void randomInputNeverThrowsAndLabelsComeOnlyFromPatternsOrConfiguredNames() {
        Random random = new Random(12);
        String alphabet = "/;.%?#*{}:aZ5 -_\u00e9\n";
        Set<String> configuredLabels = Set.of("tournament", "user", "login", "home");
        for (int i = 0; i < 20_000; i++) {
            String pattern = random(random, alphabet, 12);
            String path = random(random, alphabet, 40);
            for (LabelExtractor extractor : List.of(zeroConfig, configured)) {
                Fields fields = extractor.fromServletMapping(pattern, path);
                Object labels = fields.get("labels");
                if (labels == null) {
                    assertSame(Fields.EMPTY, fields);
                    continue;
                }
                for (Object label : (List<?>) labels) {
                    assertTrue(pattern.contains(label.toString().substring(0, 1))
                            || configuredLabels.contains(label), label + " from " + pattern + " " + path);
                    assertTrue(IdValues.isToken(label.toString(), 0, label.toString().length()), label.toString());
                }
                for (int f = 1; f < fields.size(); f++) {
                    Object id = fields.value(f);
                    assertTrue(id instanceof Long || IdValues.isToken((String) id, 0, ((String) id).length()),
                            fields.toString());
                }
            }
        }
    }

    private static String random(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
