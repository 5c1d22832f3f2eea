package dev.telemetrycdi.internal.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteRuleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "todos,todo", "orders,order", "items,item", "tournaments,tournament", "courses,course", "photos,photo",
        "categories,category", "companies,company", "entries,entry", "CATEGORIES,CATEGORY",
        "movies,movie", "cookies,cookie", "pies,pie", "ties,tie",
        "addresses,address", "classes,class", "dishes,dish", "matches,match", "boxes,box", "buzzes,buzz",
        "status,status", "address,address", "analysis,analysis", "campus,campus",
        "news,news", "series,series", "species,species", "News,News",
        "draft,draft", "data,data", "people,people", "standings,standing", "order-items,order-item",
        "ids,ids", "bus,bus", "s,s", "gas,gas", "user_accounts,user_account"})
    void singularBySuffix(String plural, String singular) {
        assertEquals(singular, RouteRule.singular(plural));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(value = {
        "orderId,order", "orderID,order", "order_id,order", "order-id,order", "executionId,execution",
        "personId,person", "x_id,x", "id,NULL", "ID,NULL", "Id,NULL", "_id,NULL", "uuid,NULL", "paid,NULL",
        "orderid,NULL", "order,NULL", "room,NULL", "2Id,NULL", "a.bId,NULL", "a bId,NULL", "'',NULL"},
            nullValues = "NULL")
    void parameterStem(String parameter, String stem) {
        assertEquals(stem, RouteRule.stem(parameter));
    }

    @Test
    void theParameterNameWinsWhenItNamesItsResource() {
        assertEquals("order", RouteRule.label("orders", "orderId"));
        assertEquals("order", RouteRule.label("orders", "id"));
        assertEquals("person", RouteRule.label("people", "personId"));
        assertEquals("execution", RouteRule.label("recompute", "executionId"));
        assertEquals("chat", RouteRule.label("chat", "room"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024", "0", "user.jsf", "a b", "%6F", "{x}", ""})
    void literalsThatCannotBeLabelsNameNothing(String literal) {
        assertNull(RouteRule.label(literal, "id"));
    }

    @Test
    void longLiteralsStayBounded() {
        assertEquals("a".repeat(63), RouteRule.label("a".repeat(63) + "s", "id"));
        assertNull(RouteRule.label("a".repeat(65), "id"));
        assertEquals("a".repeat(64), RouteRule.label("x", "a".repeat(64) + "Id"));
        assertEquals("x", RouteRule.label("x", "a".repeat(65) + "Id"), "an overlong stem is no label");
    }
}
