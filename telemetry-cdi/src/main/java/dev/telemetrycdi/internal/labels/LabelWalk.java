package dev.telemetrycdi.internal.labels;

/**
 * Applies {@link LabelRules} (and, to a route template, {@link RouteRule}) to the segments of one path or route
 * template and returns the resulting {@link LabelPlan}.
 *
 * <p>A configured resource segment adds its label and takes the next segment as its id when that segment is a
 * valid id (for a template: a {@code {param}} segment) and not itself a configured resource or tag; a configured
 * tag segment adds its label; in a template, any other literal followed by a whole {@code {param}} segment adds
 * the label {@link RouteRule} gives it, with that parameter as its id. Any other segment is skipped, and so is an
 * id after it. A label is added once: a repeated resource still consumes its id but does not overwrite the first
 * one. The walk ends after {@value LabelPlan#MAX_LABELS} labels (and the last one's id) or at the
 * {@link SegmentScanner} bounds. Stateless and thread-safe.
 *
 * <p>Internal API: may change without notice.
 */
final class LabelWalk {
    private LabelWalk() {
    }

    /** The labels of {@code text} from index {@code from} on (a path) or of all of it (a template). */
    static LabelPlan.Builder walk(LabelRules rules, String text, int from, boolean template) {
        LabelPlan.Builder plan = new LabelPlan.Builder();
        SegmentScanner segments = SegmentScanner.open(text, from, rules.prefix(), template);
        if (segments == null) {
            return plan;
        }
        boolean idExpected = false;
        String idKey = null;
        String literal = null; // template: the unconfigured literal just before, which RouteRule may label
        boolean numericIds = !template && !rules.hasNumericNames();
        while (segments.next()) {
            // a numeric id cannot be a configured name: it is parsed in place, without a substring for the lookup
            boolean numericId = idExpected && numericIds
                    && LabelRules.isDigits(text, segments.start(), segments.end());
            String name = numericId ? null : segments.name();
            String resource = name == null ? null : rules.resources().get(name);
            String tag = name == null || resource != null ? null : rules.tags().get(name);
            boolean configured = resource != null || tag != null;
            if (idExpected && !configured) {
                Object id = numericId ? IdValues.parse(text, segments.start(), segments.end())
                        : template ? segments.parameterName() : IdValues.parse(name);
                if (id != null && idKey != null) {
                    plan.id(idKey, id);
                }
                idExpected = false;
                idKey = null;
                continue;
            }
            if (literal != null && !configured) {
                String parameter = segments.parameterName();
                String label = parameter == null ? null : RouteRule.label(literal, parameter);
                literal = null;
                if (label != null) {
                    String key = plan.add(label) ? rules.idKey(label) : null;
                    if (key != null) {
                        plan.id(key, parameter);
                    }
                    if (plan.full()) {
                        break;
                    }
                    continue;
                }
            }
            idExpected = resource != null;
            idKey = resource != null && plan.add(resource) ? rules.idKey(resource) : null;
            if (tag != null) {
                plan.add(tag);
            }
            literal = template && !configured ? name : null;
            if (plan.full() && idKey == null) {
                break;
            }
        }
        return plan;
    }
}
