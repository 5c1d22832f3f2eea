package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class AttributeKeysTest {
    private final AttributeKeys keys = new AttributeKeys();

    @Test
    void aNameGetsOneKeyPerType() {
        assertSame(keys.string("order.id"), keys.string("order.id"));
        assertSame(keys.longKey("order.id"), keys.longKey("order.id"));
        assertEquals(AttributeType.STRING, keys.string("order.id").getType());
        assertEquals(AttributeType.LONG, keys.longKey("order.id").getType());
        assertEquals(AttributeType.DOUBLE, keys.doubleKey("duration_ms").getType());
        assertEquals(AttributeType.BOOLEAN, keys.booleanKey("cached").getType());
        assertEquals(AttributeType.STRING_ARRAY, keys.stringArray("labels").getType());
        assertEquals(AttributeKey.stringKey("order.id"), keys.string("order.id"), "equal to the SDK's own key");
    }

    @Test
    void namesPastTheBoundGetAFreshKeyEachTime() {
        for (int i = 0; i < AttributeKeys.MAX_KEYS; i++) {
            keys.string("field." + i);
        }
        assertSame(keys.string("field.0"), keys.string("field.0"), "kept");
        AttributeKey<String> past = keys.string("one.too.many");
        assertNotSame(past, keys.string("one.too.many"), "not kept");
        assertEquals(past, keys.string("one.too.many"));
    }
}
