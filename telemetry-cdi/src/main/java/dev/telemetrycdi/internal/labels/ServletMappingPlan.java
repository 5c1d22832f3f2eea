package dev.telemetrycdi.internal.labels;

import dev.telemetrycdi.internal.context.Fields;

/**
 * How one servlet mapping pattern ({@code HttpServletMapping.getPattern()}) gives labels, decided once per pattern:
 * <ul>
 *   <li>a path mapping {@code /orders/*}: a request path with exactly one segment after {@code /orders}, an id
 *       (see {@link IdValues}) with at least one digit ({@code /orders/5}, {@code /orders/5/},
 *       {@code /orders/5;jsessionid=x}), is read as the template {@code /orders/{id}}; any other path under it
 *       ({@code /orders/}, {@code /orders/new}, {@code /orders/5/items}) gets only configured names of its raw
 *       path. The digit keeps raw words out: {@code /api/*} of a JAX-RS application with {@code /api/ping}
 *       gives nothing, not {@code api.id=ping};</li>
 *   <li>an exact mapping {@code /login}: the configured names of the pattern itself;</li>
 *   <li>an extension mapping {@code *.jsf}, the default mapping {@code /}, the context root {@code ""} and
 *       anything else: the configured names of the raw path ({@code user.jsf:user} labels {@code /user.jsf}).</li>
 * </ul>
 * Immutable and thread-safe.
 *
 * <p>Internal API: may change without notice.
 */
final class ServletMappingPlan {
    private static final ServletMappingPlan RAW_PATH = new ServletMappingPlan(null, null, false);

    /** The literal part of a path mapping ({@code /orders} of {@code /orders/*}); null for other kinds. */
    private final String pathPrefix;
    /** The plan of {@code /orders/{id}} for a path mapping, of the pattern for an exact one; null: raw path. */
    private final LabelPlan plan;
    private final boolean exact;

    private ServletMappingPlan(String pathPrefix, LabelPlan plan, boolean exact) {
        this.pathPrefix = pathPrefix;
        this.plan = plan;
        this.exact = exact;
    }

    static ServletMappingPlan of(LabelRules rules, String pattern) {
        if (pattern.endsWith("/*") && pattern.startsWith("/") && pattern.indexOf('*') == pattern.length() - 1) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return new ServletMappingPlan(prefix, LabelWalk.walk(rules, prefix + "/{id}", 0, true).build(), false);
        }
        if (pattern.startsWith("/") && pattern.length() > 1 && pattern.indexOf('*') < 0) {
            return new ServletMappingPlan(null, LabelWalk.walk(rules, pattern, 0, true).build(), true);
        }
        return RAW_PATH;
    }

    /** The fields for a request path (relative to the context root) mapped by this plan's pattern. */
    Fields fields(LabelRules rules, String appPath) {
        if (exact) {
            return plan.resolve(null);
        }
        if (pathPrefix != null) {
            Object id = singleId(appPath);
            if (id != null) {
                return plan.resolveAll(id);
            }
        }
        return LabelWalk.walk(rules, appPath, 0, false).fields();
    }

    /** The id in the one segment of {@code appPath} after the path prefix, if it has a digit; else null. */
    private Object singleId(String appPath) {
        if (appPath.length() > SegmentScanner.MAX_CHARS) {
            return null; // the scan would stop at the bound: whether one segment follows is unknown
        }
        SegmentScanner segments = SegmentScanner.open(appPath, 0, pathPrefix, false);
        if (segments == null || !segments.next()) {
            return null;
        }
        int start = segments.start();
        int end = segments.end();
        if (!IdValues.isToken(appPath, start, end) || !hasDigit(appPath, start, end) || segments.next()) {
            return null;
        }
        return IdValues.parse(appPath, start, end);
    }

    private static boolean hasDigit(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
