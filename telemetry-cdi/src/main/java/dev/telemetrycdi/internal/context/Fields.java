package dev.telemetrycdi.internal.context;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, ordered set of log fields: keys are unique, the first binding of a key fixes its position and
 * a later {@link #with} replaces its value. Values are {@code String}, {@code Long}, {@code Integer},
 * {@code Double}, {@code Boolean}, an immutable {@code List<String>} (the {@code labels} field) or null.
 *
 * <p>Internal API: may change without notice. Thread-safe (immutable).
 */
public final class Fields {
    public static final Fields EMPTY = new Fields(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private Fields(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** Fields from alternating keys and values; a key that is not a non-empty string is skipped. */
    public static Fields of(Object... keyValues) {
        if (keyValues == null || keyValues.length < 2) {
            return EMPTY;
        }
        Builder fields = builder(keyValues.length / 2);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object key = keyValues[i];
            if (key instanceof String && !((String) key).isEmpty()) {
                fields.put((String) key, keyValues[i + 1]);
            }
        }
        return fields.build();
    }

    /**
     * Fields from alternating keys and values the application handed over, each value taken as it is now
     * ({@link CapturedValues}); a key that is not a non-empty string is skipped. Never throws.
     */
    public static Fields captured(Object... keyValues) {
        if (keyValues == null || keyValues.length < 2) {
            return EMPTY;
        }
        Builder fields = builder(keyValues.length / 2);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object key = keyValues[i];
            if (key instanceof String && !((String) key).isEmpty()) {
                fields.put((String) key, CapturedValues.capture(keyValues[i + 1]));
            }
        }
        return fields.build();
    }

    /** A builder for about {@code expectedSize} fields: one pair of arrays instead of a copy per field. */
    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    public int size() {
        return keys.length;
    }

    public boolean isEmpty() {
        return keys.length == 0;
    }

    public String key(int index) {
        return keys[index];
    }

    public Object value(int index) {
        return values[index];
    }

    /** The index of {@code key}, or -1. */
    public int indexOf(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public Object get(String key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    /** These fields with {@code key} set to {@code value}: replaced in place if present, else appended. */
    public Fields with(String key, Object value) {
        int index = indexOf(key);
        if (index >= 0) {
            if (values[index] == value) {
                return this;
            }
            Object[] newValues = values.clone();
            newValues[index] = value;
            return new Fields(keys, newValues);
        }
        int n = keys.length;
        String[] newKeys = new String[n + 1];
        Object[] newValues = new Object[n + 1];
        System.arraycopy(keys, 0, newKeys, 0, n);
        System.arraycopy(values, 0, newValues, 0, n);
        newKeys[n] = key;
        newValues[n] = value;
        return new Fields(newKeys, newValues);
    }

    /** These fields overlaid with every field of {@code other} (other's values win). */
    public Fields withAll(Fields other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        return builder(size() + other.size()).putAll(this).putAll(other).build();
    }

    /** Whether every field of {@code other} is present here with an equal value. */
    public boolean containsAll(Fields other) {
        for (int i = 0; i < other.keys.length; i++) {
            int index = indexOf(other.keys[i]);
            if (index < 0 || !sameValue(values[index], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code Objects.equals}, without the iterators {@code List.equals} allocates for two lists of labels. */
    private static boolean sameValue(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof List<?> first && b instanceof List<?> second && a instanceof java.util.RandomAccess
                && b instanceof java.util.RandomAccess) {
            int size = first.size();
            if (size != second.size()) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (!Objects.equals(first.get(i), second.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    /** These fields without {@code key}. */
    public Fields without(String key) {
        int index = indexOf(key);
        if (index < 0) {
            return this;
        }
        int n = keys.length;
        String[] newKeys = new String[n - 1];
        Object[] newValues = new Object[n - 1];
        System.arraycopy(keys, 0, newKeys, 0, index);
        System.arraycopy(values, 0, newValues, 0, index);
        System.arraycopy(keys, index + 1, newKeys, index, n - index - 1);
        System.arraycopy(values, index + 1, newValues, index, n - index - 1);
        return new Fields(newKeys, newValues);
    }

    /** A read-only copy as an insertion-ordered map. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Collects fields into one pair of arrays; a repeated key replaces the earlier value in place. Not thread-safe;
     * build once.
     */
    public static final class Builder {
        private String[] keys;
        private Object[] values;
        private int size;

        private Builder(int expectedSize) {
            keys = new String[Math.max(1, expectedSize)];
            values = new Object[keys.length];
        }

        public Builder put(String key, Object value) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    values[i] = value;
                    return this;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size++] = value;
            return this;
        }

        public Builder putAll(Fields fields) {
            for (int i = 0; i < fields.keys.length; i++) {
                put(fields.keys[i], fields.values[i]);
            }
            return this;
        }

        public Fields build() {
            if (size == 0) {
                return EMPTY;
            }
            return size == keys.length ? new Fields(keys, values)
                    : new Fields(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
        }
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
