package dev.telemetrycdi.internal.labels;

import dev.telemetrycdi.internal.context.FieldNames;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which path segments become labels: a path prefix, resource segments that take an id from the segment after
 * them, and tag segments that never do.
 *
 * <p>{@link #DEFAULT} is the design's table: under {@code /api}, {@code tournaments}, {@code drafts},
 * {@code draft}, {@code leagues}, {@code organizations} and {@code matches} are resources and {@code users}
 * and {@code standings} are tags. {@code of} validates everything, so a bad configuration fails at startup and
 * never at request time. Immutable and thread-safe.
 *
 * <p>Internal API: may change without notice.
 */
public final class LabelRules {
    public static final LabelRules DEFAULT = of("/api",
            parseMapping("tournaments:tournament, drafts:draft, draft:draft, leagues:league,"
                    + " organizations:organization, matches:match"),
            parseMapping("users:user, standings:standings"));

    private final String prefix;
    private final Map<String, String> resources;
    private final Map<String, String> tags;
    private final Map<String, String> idKeys = new LinkedHashMap<>();
    private final boolean numericNames;

    private LabelRules(String prefix, Map<String, String> resources, Map<String, String> tags) {
        this.prefix = prefix;
        this.resources = resources;
        this.tags = tags;
        resources.values().forEach(label -> idKeys.put(label, label + FieldNames.ID_SUFFIX));
        this.numericNames = resources.keySet().stream().anyMatch(LabelRules::isDigits)
                || tags.keySet().stream().anyMatch(LabelRules::isDigits);
    }

    /**
     * Rules from a prefix ({@code "api"}, {@code "/api/"} and {@code "/api"} are the same; null, {@code ""} and
     * {@code "/"} mean none) and two {@code segment → label} maps, copied in their iteration order.
     *
     * @throws IllegalArgumentException if the prefix has an empty segment, whitespace or one of {@code ?#;{}},
     *     a segment or label is not 1-64 characters of {@code A-Z a-z 0-9 _ -}, or a segment is both a resource
     *     and a tag
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
     * Parses {@code "tournaments:tournament, drafts:draft"}: comma-separated {@code segment:label} entries,
     * whitespace around either side ignored, empty entries skipped; a blank or null spec is an empty map.
     *
     * @throws IllegalArgumentException naming the first entry that is not {@code segment:label} with both sides
     *     1-64 characters of {@code A-Z a-z 0-9 _ -}, or the first repeated segment
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
            if (!isName(segment) || !isName(label)) {
                throw new IllegalArgumentException("Invalid label mapping entry \"" + trimmed
                        + "\": expected segment:label, each 1-64 characters of A-Z a-z 0-9 _ -");
            }
            if (mapping.putIfAbsent(segment, label) != null) {
                throw new IllegalArgumentException("Invalid label mapping entry \"" + trimmed
                        + "\": segment \"" + segment + "\" is mapped more than once");
            }
        }
        return Collections.unmodifiableMap(mapping);
    }

    /** The inverse of {@link #parseMapping}: {@code "tournaments:tournament, drafts:draft"}. */
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

    /** The id field name of a resource label, {@code tournament.id} for {@code tournament}, without allocating. */
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

    String idKey(String label) {
        String key = idKeys.get(label);
        return key != null ? key : label + FieldNames.ID_SUFFIX;
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
            if (!isName(segment) || !isName(label)) {
                throw new IllegalArgumentException("Invalid " + kind + " label mapping \"" + segment + ":" + label
                        + "\": segment and label must each be 1-64 characters of A-Z a-z 0-9 _ -");
            }
            copy.put(segment, label);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static boolean isName(String text) {
        return text != null && IdValues.isToken(text, 0, text.length());
    }
}
