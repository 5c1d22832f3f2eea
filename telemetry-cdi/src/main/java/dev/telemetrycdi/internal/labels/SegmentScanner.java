package dev.telemetrycdi.internal.labels;

/**
 * Walks the segments of a request path or route template after a prefix, within fixed bounds: the first
 * {@value #MAX_CHARS} characters, at most {@value #MAX_SEGMENTS} segments, one pass, no allocation.
 *
 * <p>Empty segments ({@code //}) are skipped. In a path, scanning stops at {@code ?} or {@code #} and a
 * segment's value ends at {@code ;} (matrix parameters, as in JAX-RS). In a template, a {@code /} inside
 * {@code {...}} does not split, so {@code {id: [0-9]{1,3}}} is one segment. A segment cut by the character
 * bound is dropped, never read as a shorter id. Not thread-safe: one instance per walk.
 *
 * <p>Internal API: may change without notice.
 */
final class SegmentScanner {
    static final int MAX_CHARS = 2048;
    static final int MAX_SEGMENTS = 32;

    private final String text;
    private final boolean template;
    private final int limit;
    private int position;
    private int segments;
    private int start;
    private int end;

    private SegmentScanner(String text, int from, int position, boolean template) {
        this.text = text;
        this.template = template;
        this.limit = (int) Math.min(text.length(), (long) from + MAX_CHARS);
        this.position = position;
    }

    /**
     * A scanner after {@code prefix} (looked for at index {@code from}; the character bound counts from there), or
     * null when {@code text} does not start with it as whole segments (in a
     * path, matrix parameters may follow it: {@code /api;v=2/...}).
     */
    static SegmentScanner open(String text, int from, String prefix, boolean template) {
        if (text == null || from < 0 || !text.startsWith(prefix, from)) {
            return null;
        }
        int after = from + prefix.length();
        if (!prefix.isEmpty() && after < text.length() && !isEnd(text.charAt(after))
                && (template || text.charAt(after) != ';')) {
            return null;
        }
        return new SegmentScanner(text, from, after, template);
    }

    /** Moves to the next non-empty segment; false when there is none within the bounds. */
    boolean next() {
        while (segments < MAX_SEGMENTS) {
            while (position < limit && text.charAt(position) == '/') {
                position++;
            }
            if (position >= limit || (!template && isEnd(text.charAt(position)))) {
                return false;
            }
            int segmentStart = position;
            int valueEnd = -1;
            int depth = 0;
            for (; position < limit; position++) {
                char c = text.charAt(position);
                if (c == '{' && template) {
                    depth++;
                } else if (c == '}' && template) {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0 && (c == '/' || (!template && isEnd(c)))) {
                    break;
                } else if (c == ';' && !template && valueEnd < 0) {
                    valueEnd = position;
                }
            }
            if (position == limit && limit < text.length() && !isEnd(text.charAt(limit))) {
                return false;
            }
            segments++;
            start = segmentStart;
            end = valueEnd < 0 ? position : valueEnd;
            if (end > start) {
                return true;
            }
        }
        return false;
    }

    /** Start index of the current segment in the text. */
    int start() {
        return start;
    }

    /** End index (exclusive) of the current segment's value in the text. */
    int end() {
        return end;
    }

    /**
     * The current segment when it could be a configured name (1-64 characters of {@code A-Z a-z 0-9 _ - .}, not
     * only dots), else null without allocating.
     */
    String name() {
        return LabelRules.isSegmentName(text, start, end) ? text.substring(start, end) : null;
    }

    /** The parameter name of a whole-segment {@code {name}} or {@code {name: regex}}, else null. */
    String parameterName() {
        if (end - start < 2 || text.charAt(start) != '{' || text.charAt(end - 1) != '}') {
            return null;
        }
        int nameEnd = start + 1;
        while (nameEnd < end - 1 && text.charAt(nameEnd) != ':') {
            nameEnd++;
        }
        String name = text.substring(start + 1, nameEnd).trim();
        return name.isEmpty() ? null : name;
    }

    private static boolean isEnd(char c) {
        return c == '/' || c == '?' || c == '#';
    }
}
