package dev.telemetrycdi.internal.labels;

import dev.telemetrycdi.internal.context.Fields;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns a request path, its JAX-RS route template, its servlet mapping or a WebSocket endpoint's path template
 * into log fields such as {@code labels=[order, item], order.id=5, item.id=12}, following {@link LabelRules} and,
 * for templates, {@link RouteRule}.
 *
 * <p>{@code
 * new LabelExtractor(LabelRules.DEFAULT).fromTemplate("/rest/orders/{orderId}/items/{itemId}", params::get)}
 *
 * <p>A raw path gives only configured names; a template also gives a label for each literal followed by a
 * parameter ({@link RouteRule}); a servlet mapping as {@link ServletMappingPlan} says. Paths and templates are
 * relative to the context root and must start with the rules' prefix. Ids are validated by {@link IdValues}; the
 * work per call is bounded by the first 2048 characters and 32 segments whatever the input, and never throws for
 * any input. Template plans, and servlet mapping plans, are each cached for up to about
 * {@value #MAX_CACHED_TEMPLATES} distinct templates or patterns, beyond which they are computed per call.
 * Thread-safe.
 *
 * <p>Internal API: may change without notice.
 */
public final class LabelExtractor {
    static final int MAX_CACHED_TEMPLATES = 1024;

    private final LabelRules rules;
    private final ConcurrentHashMap<String, LabelPlan> plans = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ServletMappingPlan> servletPlans = new ConcurrentHashMap<>();

    public LabelExtractor(LabelRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The labels and ids in {@code path}, such as {@code /api/stores/3/standings/}; EMPTY when none. */
    public Fields fromPath(String path) {
        return fromPath(path, 0);
    }

    /** The labels and ids in {@code uri} from index {@code from} on, e.g. after the context path. */
    public Fields fromPath(String uri, int from) {
        return LabelWalk.walk(rules, uri, from, false).fields();
    }

    /**
     * The labels in {@code template}, such as {@code /api/orders/{id: [0-9]+}}, with each resource id read
     * through {@code pathParam} from the parameter that follows the resource; a missing or invalid value gives
     * no id field. EMPTY when there are no labels.
     */
    public Fields fromTemplate(String template, Function<String, String> pathParam) {
        if (template == null) {
            return Fields.EMPTY;
        }
        return plan(template).resolve(pathParam);
    }

    /**
     * The labels of a servlet request from its mapping: {@code pattern} is
     * {@code HttpServletMapping.getPattern()} ({@code /orders/*}, {@code *.jsf}, {@code /login}, {@code /} or
     * {@code ""}), {@code appPath} the request path relative to the context root ({@code /orders/5}). A path
     * mapping reads a single id segment after its literal part as the template {@code /orders/{id}}; every other
     * case gives configured names only (see {@link ServletMappingPlan}). EMPTY when there are no labels or either
     * argument is null.
     */
    public Fields fromServletMapping(String pattern, String appPath) {
        if (pattern == null || appPath == null) {
            return Fields.EMPTY;
        }
        ServletMappingPlan plan = servletPlans.get(pattern);
        if (plan == null) {
            plan = ServletMappingPlan.of(rules, pattern);
            if (pattern.length() <= SegmentScanner.MAX_CHARS && servletPlans.size() < MAX_CACHED_TEMPLATES) {
                servletPlans.putIfAbsent(pattern, plan);
            }
        }
        return plan.fields(rules, appPath);
    }

    /**
     * The labels of a WebSocket endpoint's path {@code template} ({@code ServerEndpointConfig.getPath()}, e.g.
     * {@code /ws/stores/{id}/chat}), each parameter's value read from the segment of {@code appPath} (the raw
     * handshake path relative to the context root, as many segments as the template has) at the same position.
     */
    public Fields fromEndpoint(String template, String appPath) {
        if (template == null || appPath == null) {
            return Fields.EMPTY;
        }
        return plan(template).resolve(new PositionalParameters(template, appPath));
    }

    private LabelPlan plan(String template) {
        LabelPlan plan = plans.get(template);
        if (plan == null) {
            plan = LabelWalk.walk(rules, template, 0, true).build();
            if (template.length() <= SegmentScanner.MAX_CHARS && plans.size() < MAX_CACHED_TEMPLATES) {
                plans.putIfAbsent(template, plan);
            }
        }
        return plan;
    }

    int cachedTemplates() {
        return plans.size();
    }

    int cachedServletMappings() {
        return servletPlans.size();
    }
}
