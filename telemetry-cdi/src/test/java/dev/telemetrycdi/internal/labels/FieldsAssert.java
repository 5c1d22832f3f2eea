package dev.telemetrycdi.internal.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.telemetrycdi.internal.context.Fields;

import java.util.ArrayList;
import java.util.List;

/** Compares fields exactly: same keys in the same order, equal values of the same type. */
final class FieldsAssert {
    private FieldsAssert() {
    }

    static void assertFields(Fields actual, Object... expectedKeyValues) {
        List<String> expectedKeys = new ArrayList<>();
        List<Object> expectedValues = new ArrayList<>();
        for (int i = 0; i < expectedKeyValues.length; i += 2) {
            expectedKeys.add((String) expectedKeyValues[i]);
            expectedValues.add(expectedKeyValues[i + 1]);
        }
        List<String> actualKeys = new ArrayList<>();
        List<Object> actualValues = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            actualKeys.add(actual.key(i));
            actualValues.add(actual.value(i));
        }
        assertEquals(expectedKeys, actualKeys, "keys of " + actual);
        assertEquals(expectedValues, actualValues, "values of " + actual);
        for (int i = 0; i < expectedValues.size(); i++) {
            Object expected = expectedValues.get(i);
            if (expected != null) {
                assertEquals(expected.getClass(), actualValues.get(i).getClass(), "type of " + actualKeys.get(i));
            }
        }
    }
}
