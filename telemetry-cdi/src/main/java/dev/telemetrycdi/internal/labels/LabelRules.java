package dev.telemetrycdi.internal.labels;

import dev.telemetrycdi.internal.context.FieldNames;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which path segments become labels: a path prefix, resource segments that take an id from the segment after
 * them, and tag segments that never do. Route templates get more labels by {@link RouteRule}, under the same
 * prefix; a configured segment always wins over it.
 *
 * <p>{@link #DEFAULT} configures nothing: no prefix, no resources, no tags, so labels come from route templates
 * alone. A configured segment is 1-64 characters of {@code A-Z a-z 0-9 _ - .} (not dots alone: {@code user.jsf}
 * may be labelled), a label 1-64 characters of {@code A-Z a-z 0-9 _ -}. {@code of} validates everything, so a bad
 * configuration fails at startup and never at request time. Immutable and thread-safe.
 *
 * <p>Internal API: may change without notice.
 */
public final class LabelRules {
    /** No prefix, no configured segments: the zero-configuration rules. */
    public static final LabelRules DEFAULT = of("/", Map.of(), Map.of());

    /** Id fields the module writes itself: a label whose id would be one of them gets no id. */
    private static final Set<String> RESERVED_ID_KEYS =
            Set.of(FieldNames.REQUEST_ID, FieldNames.USER_ID, FieldNames.TASK_ID);

    private final String prefix;
    private final Map<String, String> resources;
    private final Map<String, String> tags;
    private final Map<String, String> idKeys = new LinkedHashMap<>();
    private final boolean numericNames;

    private LabelRules(String prefix, Map<String, String> resources, Map<String, String> tags) {
        this.prefix = prefix;
        this.resources = resources;
        this.tags = tags;
        resources.values().forEach(label -> idKeys.put(label, idKeyOf(label)));
        this.numericNames = resources.keySet().stream().anyMatch(LabelRules::isDigits)
                || tags.keySet().stream().anyMatch(LabelRules::isDigits);
    }

    /**
     * Rules from a prefix ({@code "api"}, {@code "/api/"} and {@code "/api"} are the same; null, {@code ""} and
     * {@code "/"} mean none) and two {@code segment → label} maps, copied in their iteration order.
     *
     * @throws IllegalArgumentException if the prefix has an empty segment, whitespace or one of {@code ?#;{}},
     *     a segment is not 1-64 characters of {@code A-Z a-z 0-9 _ - .} (or only dots), a label is not 1-64
     *     characters of {@code A-Z a-z 0-9 _ -}, or a segment is both a resource and a tag
     */
    public static LabelRules of(String prefix, Map<String, String> resources, Map<String, String> tags) {
        Map<String, String> resourceCopy = copy(resources, "resource");
        Map<String, String> tagCopy = copy(tags, "tag");
        for (String segment : tagCopy.keySet()) {
            if (resourceCopy.containsKey(segment)) {
                throw new IllegalArgumentException(
                        "Label segment \"" + segment + "\" is configured both as a resource and as a tag");
            }
        }
        return new LabelRules(normalisePrefix(prefix), resourceCopy, tagCopy);
    }

    /**
     * Parses {@code "orders:order, items:item"}: comma-separated {@code segment:label} entries,
     * whitespace around either side ignored, empty entries skipped; a blank or null spec is an empty map.
     *
     * @throws IllegalArgumentException naming the first entry that is not {@code segment:label} (a segment of
     *     1-64 characters of {@code A-Z a-z 0-9 _ - .}, not only dots; a label of 1-64 characters of
     *     {@code A-Z a-z 0-9 _ -}), or the first repeated segment
     */
    public static Map<String, String> parseMapping(String spec) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (spec == null) {
            return Collections.unmodifiableMap(mapping);
        }
        for (String entry : spec.split(",", -1)) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String segment = colon < 0 ? "" : trimmed.substring(0, colon).trim();
            String label = colon < 0 ? "" : trimmed.substring(colon + 1).trim();
            if (!isSegmentName(segment) || !isLabel(label)) {
                throw new IllegalArgumentException("Invalid label mapping entry \"" + trimmed
                        + "\": expected segment:label, the segment 1-64 characters of A-Z a-z 0-9 _ - . (not only"
                        + " dots), the label 1-64 characters of A-Z a-z 0-9 _ -");
            }
            if (mapping.putIfAbsent(segment, label) != null) {
                throw new IllegalArgumentException("Invalid label mapping entry \"" + trimmed
                        + "\": segment \"" + segment + "\" is mapped more than once");
            }
        }
        return Collections.unmodifiableMap(mapping);
    }

    /** The inverse of {@link #parseMapping}: {@code "orders:order, items:item"}. */
    public static String format(Map<String, String> mapping) {
        StringBuilder text = new StringBuilder();
        mapping.forEach((segment, label) ->
                text.append(text.length() == 0 ? "" : ", ").append(segment).append(':').append(label));
        return text.toString();
    }

    /** The normalised prefix: {@code ""} or a leading slash and no trailing slash, such as {@code "/api"}. */
    public String prefix() {
        return prefix;
    }

    /** Resource segment → label, unmodifiable, in configuration order. */
    public Map<String, String> resources() {
        return resources;
    }

    /** Tag segment → label, unmodifiable, in configuration order. */
    public Map<String, String> tags() {
        return tags;
    }

    /** Whether some configured segment is all digits (then a numeric segment must be looked up by name). */
    boolean hasNumericNames() {
        return numericNames;
    }

    static boolean isDigits(CharSequence text) {
        return isDigits(text, 0, text.length());
    }

    static boolean isDigits(CharSequence text, int start, int end) {
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The id field name of a label, {@code order.id} for {@code order} (without allocating for a
     * configured resource); null when it would be a field the module writes itself ({@code user.id}).
     */
    String idKey(String label) {
        String key = idKeys.get(label);
        return key != null || idKeys.containsKey(label) ? key : idKeyOf(label);
    }

    private static String idKeyOf(String label) {
        String key = label + FieldNames.ID_SUFFIX;
        return RESERVED_ID_KEYS.contains(key) ? null : key;
    }

    /** Whether {@code [start, end)} of {@code text} could be a configured segment: see {@link #isSegmentName}. */
    static boolean isSegmentName(CharSequence text, int start, int end) {
        int length = end - start;
        if (length < 1 || length > IdValues.MAX_LENGTH) {
            return false;
        }
        boolean onlyDots = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
            onlyDots &= c == '.';
        }
        return !onlyDots;
    }

    /** A configured segment: 1-64 characters of {@code A-Z a-z 0-9 _ - .}, not only dots. */
    static boolean isSegmentName(String text) {
        return text != null && isSegmentName(text, 0, text.length());
    }

    /** A label: 1-64 characters of {@code A-Z a-z 0-9 _ -}. */
    static boolean isLabel(String text) {
        return text != null && IdValues.isToken(text, 0, text.length());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelRules && prefix.equals(((LabelRules) other).prefix)
                && resources.equals(((LabelRules) other).resources) && tags.equals(((LabelRules) other).tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, resources, tags);
    }

    @Override
    public String toString() {
        return "LabelRules[prefix=" + prefix + ", resources=" + format(resources) + ", tags=" + format(tags) + "]";
    }

    private static String normalisePrefix(String prefix) {
        String trimmed = prefix == null ? "" : prefix.trim();
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "";
        }
        String normalised = trimmed.charAt(0) == '/' ? trimmed.substring(0, end) : "/" + trimmed.substring(0, end);
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c <= ' ' || "?#;{}".indexOf(c) >= 0 || (c == '/' && i > 0 && normalised.charAt(i - 1) == '/')) {
                throw new IllegalArgumentException("Invalid label path prefix \"" + prefix
                        + "\": expected segments such as /api, without empty segments, whitespace or ?#;{}");
            }
        }
        return normalised;
    }

    private static Map<String, String> copy(Map<String, String> mapping, String kind) {
        Objects.requireNonNull(mapping, kind + "s");
        Map<String, String> copy = new LinkedHashMap<>();
        mapping.forEach((segment, label) -> {
            if (!isSegmentName(segment) || !isLabel(label)) {
                throw new IllegalArgumentException("Invalid " + kind + " label mapping \"" + segment + ":" + label
                        + "\": the segment must be 1-64 characters of A-Z a-z 0-9 _ - . (not only dots), the label"
                        + " 1-64 characters of A-Z a-z 0-9 _ -");
            }
            copy.put(segment, label);
        });
        return Collections.unmodifiableMap(copy);
    }
}
