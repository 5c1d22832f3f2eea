package dev.telemetrycdi.internal.labels;

/**
 * Applies {@link LabelRules} to the segments of one path or route template and returns the resulting
 * {@link LabelPlan}.
 *
 * <p>A resource segment adds its label and takes the next segment as its id when that segment is a valid id
 * (for a template: a {@code {param}} segment) and not itself a configured resource or tag; a tag segment adds
 * its label; any other segment is skipped, and so is an id after it. A label is added once: a repeated
 * resource still consumes its id but does not overwrite the first one. The walk ends after
 * {@value LabelPlan#MAX_LABELS} labels (and the last one's id) or at the {@link SegmentScanner} bounds.
 * Stateless and thread-safe.
 *
 * <p>Internal API: may change without notice.
 */
final class LabelWalk {
    private LabelWalk() {
    }

    static LabelPlan walk(LabelRules rules, String text, boolean template) {
        SegmentScanner segments = SegmentScanner.open(text, rules.prefix(), template);
        if (segments == null) {
            return LabelPlan.NONE;
        }
        LabelPlan.Builder plan = new LabelPlan.Builder();
        boolean idExpected = false;
        String idKey = null;
        while (segments.next()) {
            String name = segments.name();
            String resource = name == null ? null : rules.resources().get(name);
            String tag = name == null || resource != null ? null : rules.tags().get(name);
            if (idExpected && resource == null && tag == null) {
                Object id = template ? segments.parameterName() : IdValues.parse(name);
                if (id != null && idKey != null) {
                    plan.id(idKey, id);
                }
                idExpected = false;
                idKey = null;
                continue;
            }
            idExpected = resource != null;
            idKey = resource != null && plan.add(resource) ? rules.idKey(resource) : null;
            if (tag != null) {
                plan.add(tag);
            }
            if (plan.full() && idKey == null) {
                break;
            }
        }
        return plan.build();
    }
}
