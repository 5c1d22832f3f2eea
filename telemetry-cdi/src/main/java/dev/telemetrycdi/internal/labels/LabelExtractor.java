package dev.telemetrycdi.internal.labels;

import dev.telemetrycdi.internal.context.Fields;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns a request path or its JAX-RS route template into log fields such as
 * {@code labels=[tournament, draft], tournament.id=5, draft.id=12}, following {@link LabelRules}.
 *
 * <p>{@code
 * new LabelExtractor(LabelRules.DEFAULT).fromPath("/api/tournaments/5/draft/12/")}
 *
 * <p>Paths are relative to the context root and must start with the rules' prefix. Ids are validated by
 * {@link IdValues}; the work per call is bounded by the first 2048 characters and 32 segments whatever the
 * input, and never throws for any path. Template plans are cached for up to about
 * {@value #MAX_CACHED_TEMPLATES} distinct templates, beyond which they are computed per call. Thread-safe.
 *
 * <p>Internal API: may change without notice.
 */
public final class LabelExtractor {
    static final int MAX_CACHED_TEMPLATES = 1024;

    private final LabelRules rules;
    private final ConcurrentHashMap<String, LabelPlan> plans = new ConcurrentHashMap<>();

    public LabelExtractor(LabelRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The labels and ids in {@code path}, such as {@code /api/leagues/3/standings/}; EMPTY when none. */
    public Fields fromPath(String path) {
        return fromPath(path, 0);
    }

    /** The labels and ids in {@code uri} from index {@code from} on, e.g. after the context path. */
    public Fields fromPath(String uri, int from) {
        return LabelWalk.walk(rules, uri, from, false).fields();
    }

    /**
     * The labels in {@code template}, such as {@code /api/tournaments/{id: [0-9]+}}, with each resource id read
     * through {@code pathParam} from the parameter that follows the resource; a missing or invalid value gives
     * no id field. EMPTY when there are no labels.
     */
    public Fields fromTemplate(String template, Function<String, String> pathParam) {
        if (template == null) {
            return Fields.EMPTY;
        }
        LabelPlan plan = plans.get(template);
        if (plan == null) {
            plan = LabelWalk.walk(rules, template, 0, true).build();
            if (template.length() <= SegmentScanner.MAX_CHARS && plans.size() < MAX_CACHED_TEMPLATES) {
                plans.putIfAbsent(template, plan);
            }
        }
        return plan.resolve(pathParam);
    }

    int cachedTemplates() {
        return plans.size();
    }
}
