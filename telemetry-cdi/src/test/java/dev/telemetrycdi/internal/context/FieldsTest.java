package dev.telemetrycdi.internal.context;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class FieldsTest {

    @Test
    void withReplacesInPlaceAndAppendsNewKeys() {
        Fields fields = Fields.of("a", 1, "b", 2).with("a", 3).with("c", 4);
        assertEquals(List.of("a", "b", "c"), List.copyOf(fields.toMap().keySet()));
        assertEquals(3, fields.get("a"));
    }

    @Test
    void fieldsAreImmutable() {
        Fields original = Fields.of("a", 1);
        original.with("a", 2);
        original.with("b", 2);
        assertEquals(1, original.get("a"));
        assertEquals(1, original.size());
    }

    @Test
    void withAllOverlaysAndWithoutRemoves() {
        Fields merged = Fields.of("a", 1, "b", 2).withAll(Fields.of("b", 3, "c", 4)).without("a");
        assertEquals(List.of("b", "c"), List.copyOf(merged.toMap().keySet()));
        assertEquals(3, merged.get("b"));
        assertNull(merged.get("a"));
        assertSame(Fields.EMPTY.withAll(merged), merged);
    }
}
