package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.api.common.AttributeKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The attribute keys of the lines' field names, made once per name and type: the lines carry the same few dozen
 * names again and again, and a key is an object that the SDK hashes, so one per field of every record is waste.
 * Bounded: past {@value #MAX_KEYS} names of a type, a name gets a fresh key each time (a field name made of values
 * would otherwise grow the cache without end).
 *
 * <p>Internal API: may change without notice. Confined to one thread (the sink's writer).
 */
final class AttributeKeys {
    static final int MAX_KEYS = 512;

    private final Map<String, AttributeKey<String>> strings = new HashMap<>();
    private final Map<String, AttributeKey<Long>> longs = new HashMap<>();
    private final Map<String, AttributeKey<Double>> doubles = new HashMap<>();
    private final Map<String, AttributeKey<Boolean>> booleans = new HashMap<>();
    private final Map<String, AttributeKey<List<String>>> stringArrays = new HashMap<>();

    AttributeKey<String> string(String name) {
        return key(strings, name, AttributeKey::stringKey);
    }

    AttributeKey<Long> longKey(String name) {
        return key(longs, name, AttributeKey::longKey);
    }

    AttributeKey<Double> doubleKey(String name) {
        return key(doubles, name, AttributeKey::doubleKey);
    }

    AttributeKey<Boolean> booleanKey(String name) {
        return key(booleans, name, AttributeKey::booleanKey);
    }

    AttributeKey<List<String>> stringArray(String name) {
        return key(stringArrays, name, AttributeKey::stringArrayKey);
    }

    private static <T> AttributeKey<T> key(Map<String, AttributeKey<T>> keys, String name,
                                           Function<String, AttributeKey<T>> make) {
        AttributeKey<T> key = keys.get(name);
        if (key == null) {
            key = make.apply(name);
            if (keys.size() < MAX_KEYS) {
                keys.put(name, key);
            }
        }
        return key;
    }
}
