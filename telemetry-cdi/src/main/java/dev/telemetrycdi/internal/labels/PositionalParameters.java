package dev.telemetrycdi.internal.labels;

import java.util.function.Function;

/**
 * The path parameters of a request path by position in its template: for {@code /ws/stores/{id}/chat} and
 * {@code /ws/stores/3/chat}, {@code id} is {@code 3}. For WebSocket endpoints, whose containers give the
 * handshake no portable map of path parameters. The value is the raw segment when it could be an id
 * ({@link IdValues}: percent escapes are refused); null when it cannot, or when the parameter or its segment is
 * missing. Bounded like {@link SegmentScanner}. Not thread-safe: one instance per request.
 *
 * <p>Internal API: may change without notice.
 */
final class PositionalParameters implements Function<String, String> {
    private final String template;
    private final String path;

    PositionalParameters(String template, String path) {
        this.template = template;
        this.path = path;
    }

    @Override
    public String apply(String name) {
        SegmentScanner templateSegments = SegmentScanner.open(template, 0, "", true);
        int index = 0;
        boolean found = false;
        while (templateSegments != null && templateSegments.next()) {
            if (name.equals(templateSegments.parameterName())) {
                found = true;
                break;
            }
            index++;
        }
        SegmentScanner pathSegments = found ? SegmentScanner.open(path, 0, "", false) : null;
        if (pathSegments == null) {
            return null;
        }
        for (int i = 0; i <= index; i++) {
            if (!pathSegments.next()) {
                return null;
            }
        }
        int start = pathSegments.start();
        int end = pathSegments.end();
        return IdValues.isToken(path, start, end) ? path.substring(start, end) : null;
    }
}
