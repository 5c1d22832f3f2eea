package dev.telemetrycdi.internal.labels;

import static dev.telemetrycdi.internal.labels.FieldsAssert.assertFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.telemetrycdi.internal.context.Fields;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Route templates without any label setting: the route rule alone. */
class LabelExtractorRuleTest {
    private final LabelExtractor zeroConfig = new LabelExtractor(LabelRules.DEFAULT);

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
    void aLiteralFollowedByAParameterIsAResource() {
        assertFields(zeroConfig.fromTemplate("/todos/{id}", params("id", "5")), "labels", List.of("todo"),
                "todo.id", 5L);
        assertFields(zeroConfig.fromTemplate("/rest/todos/{id}", params("id", "5")), "labels", List.of("todo"),
                "todo.id", 5L);
        assertFields(zeroConfig.fromTemplate("/orders/{orderId}/items/{itemId}",
                params("orderId", "5", "itemId", "abc-12")),
                "labels", List.of("order", "item"), "order.id", 5L, "item.id", "abc-12");
        assertFields(zeroConfig.fromTemplate("/api/categories/{id: [0-9]+}/addresses/{n}", params("id", "1", "n", "2")),
                "labels", List.of("category", "address"), "category.id", 1L, "address.id", 2L);
    }

    @Test
    void theDesignsTemplatesWithoutTheTable() {
        assertFields(zeroConfig.fromTemplate("/api/tournaments/{id}/draft/{draftId}", params("id", "5", "draftId",
                "12")), "labels", List.of("tournament", "draft"), "tournament.id", 5L, "draft.id", 12L);
        assertFields(zeroConfig.fromTemplate("/api/leagues/{id}/standings", params("id", "3")),
                "labels", List.of("league"), "league.id", 3L);
        assertSame(Fields.EMPTY, zeroConfig.fromTemplate("/api/users/me", params()));
    }

    @Test
    void theParameterNameRefinesTheLabel() {
        assertFields(zeroConfig.fromTemplate("/people/{personId}", params("personId", "7")),
                "labels", List.of("person"), "person.id", 7L);
        assertFields(zeroConfig.fromTemplate("/leagues/{id}/standings/recompute/{executionId}",
                params("id", "3", "executionId", "41")),
                "labels", List.of("league", "execution"), "league.id", 3L, "execution.id", 41L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/users/me", "/status", "/{id}", "/{a}/{b}", "/2024/{id}", "/files.v2/{id}",
            "/orders/order-{id}", "/orders/{}", "", "/", "/orders"})
    void nothingElseGivesALabel(String template) {
        assertSame(Fields.EMPTY, zeroConfig.fromTemplate(template, params("id", "1", "a", "1", "b", "2")));
    }

    @Test
    void aParameterAfterAParameterIsNoId() {
        assertFields(zeroConfig.fromTemplate("/orders/{id}/{other}", params("id", "1", "other", "2")),
                "labels", List.of("order"), "order.id", 1L);
    }

    @Test
    void idsTheModuleWritesItselfAreNeverOverwritten() {
        assertFields(zeroConfig.fromTemplate("/users/{id}", params("id", "42")), "labels", List.of("user"));
        assertFields(zeroConfig.fromTemplate("/accounts/{userId}", params("userId", "42")), "labels", List.of("user"));
        assertFields(zeroConfig.fromTemplate("/tasks/{id}", params("id", "42")), "labels", List.of("task"));
        assertFields(zeroConfig.fromTemplate("/requests/{id}", params("id", "42")), "labels", List.of("request"));
    }

    @Test
    void invalidValuesGiveNoId() {
        assertFields(zeroConfig.fromTemplate("/files/{name: .+}", params("name", "a/b.txt")), "labels", List.of("file"));
        assertFields(zeroConfig.fromTemplate("/files/{name}", params("name", "${jndi:ldap://x}")),
                "labels", List.of("file"));
        assertFields(zeroConfig.fromTemplate("/files/{name}", params()), "labels", List.of("file"));
    }

    @Test
    void configuredEntriesWinForTheirSegments() {
        LabelExtractor configured = new LabelExtractor(LabelRules.of("/",
                Map.of("orders", "purchase"), Map.of("items", "item", "standings", "standings")));
        assertFields(configured.fromTemplate("/orders/{orderId}/items/{itemId}", params("orderId", "5", "itemId",
                "6")), "labels", List.of("purchase", "item"), "purchase.id", 5L);
        assertFields(configured.fromTemplate("/leagues/{id}/standings/{stage}", params("id", "3", "stage", "2")),
                "labels", List.of("league", "standings"), "league.id", 3L);
        assertFields(configured.fromTemplate("/api/orders/{id}/lines/{n}", params("id", "5", "n", "2")),
                "labels", List.of("purchase", "line"), "purchase.id", 5L, "line.id", 2L);
    }

    @Test
    void onlyUnderThePrefix() {
        LabelExtractor api = new LabelExtractor(LabelRules.of("/api", Map.of(), Map.of()));
        assertSame(Fields.EMPTY, api.fromTemplate("/rest/todos/{id}", params("id", "1")));
        assertFields(api.fromTemplate("/api/todos/{id}", params("id", "1")), "labels", List.of("todo"),
                "todo.id", 1L);
    }

    @Test
    void atMostEightLabels() {
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            template.append("/r").append((char) ('a' + i)).append("/{p").append(i).append('}');
        }
        Fields fields = zeroConfig.fromTemplate(template.toString(), name -> "1");
        assertEquals(List.of("ra", "rb", "rc", "rd", "re", "rf", "rg", "rh"), fields.get("labels"));
        assertEquals(9, fields.size());
    }

    @Test
    void labelsComeFromTheTemplateNeverFromValues() {
        Set<Object> labelSets = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String value = i % 2 == 0 ? "v" + i : "%2F" + i + "/../x";
            labelSets.add(zeroConfig.fromTemplate("/orders/{id}/items/{itemId}",
                    params("id", value, "itemId", value)).get("labels"));
        }
        assertEquals(Set.of(List.of("order", "item")), labelSets);
    }
}
