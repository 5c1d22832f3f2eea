package dev.telemetrycdi.internal.labels;

import java.util.Set;

/**
 * The label a route template gives without configuration: a literal segment followed by a whole {@code {param}}
 * segment names a resource, {@code /orders/{id}} → {@code order} with {@code order.id} read from {@code id}.
 *
 * <p>The label is the parameter's stem when its name is {@code <stem>Id}, {@code <stem>ID}, {@code <stem>_id} or
 * {@code <stem>-id} ({@code /recompute/{executionId}} → {@code execution}); otherwise the English singular of the
 * literal by these suffix rules, matched without regard to case, first match wins:
 * <ol>
 *   <li>{@code news}, {@code series}, {@code species} and words of at most 3 characters stay as they are;</li>
 *   <li>{@code -ies} → {@code -y} ({@code categories} → {@code category}), but {@code -ie} after {@code v} or
 *       {@code k} and in 4-letter words ({@code movies} → {@code movie}, {@code cookies}, {@code pies});</li>
 *   <li>{@code -sses}, {@code -shes}, {@code -ches}, {@code -xes}, {@code -zzes} drop {@code es}
 *       ({@code addresses} → {@code address}, {@code matches} → {@code match}, {@code boxes} → {@code box});</li>
 *   <li>{@code -ss}, {@code -us}, {@code -is} stay ({@code status}, {@code analysis});</li>
 *   <li>{@code -s} is dropped ({@code todos} → {@code todo}, {@code courses} → {@code course});</li>
 *   <li>anything else stays ({@code item}, {@code data}, {@code people}).</li>
 * </ol>
 * Only a literal that could be a label (1-64 characters of {@code A-Z a-z 0-9 _ -}, not all digits) names a
 * resource. Labels come from the application's templates only, never from request values, so their number is
 * bounded by the application. Stateless and thread-safe.
 *
 * <p>Internal API: may change without notice.
 */
final class RouteRule {
    private static final Set<String> INVARIANT = Set.of("news", "series", "species");
    private static final String[] DROP_ES = {"sses", "shes", "ches", "xes", "zzes"};
    private static final String[] KEEP = {"ss", "us", "is"};

    private RouteRule() {
    }

    /** The label for {@code literal} followed by parameter {@code parameter}, or null if the literal names none. */
    static String label(String literal, String parameter) {
        if (literal == null || !IdValues.isToken(literal, 0, literal.length()) || LabelRules.isDigits(literal)) {
            return null;
        }
        String stem = stem(parameter);
        return stem != null ? stem : singular(literal);
    }

    /** {@code order} for {@code orderId}, {@code order_id}, {@code order-id} or {@code orderID}; else null. */
    static String stem(String parameter) {
        if (parameter == null || parameter.length() < 3) {
            return null;
        }
        int n = parameter.length();
        char i = parameter.charAt(n - 2);
        char d = parameter.charAt(n - 1);
        int stemEnd;
        if (i == 'I' && (d == 'd' || d == 'D')) {
            stemEnd = n - 2;
        } else if (i == 'i' && d == 'd' && (parameter.charAt(n - 3) == '_' || parameter.charAt(n - 3) == '-')) {
            stemEnd = n - 3;
        } else {
            return null;
        }
        if (stemEnd < 1 || !IdValues.isToken(parameter, 0, stemEnd) || LabelRules.isDigits(parameter, 0, stemEnd)) {
            return null;
        }
        return parameter.substring(0, stemEnd);
    }

    /** The singular of {@code word} by the suffix rules of this class. */
    static String singular(String word) {
        int n = word.length();
        if (n <= 3 || !endsWith(word, "s") || INVARIANT.contains(word.toLowerCase(java.util.Locale.ROOT))) {
            return word;
        }
        if (endsWith(word, "ies")) {
            char before = Character.toLowerCase(word.charAt(n - 4));
            if (n == 4 || before == 'v' || before == 'k') {
                return word.substring(0, n - 1);
            }
            return word.substring(0, n - 3) + (word.charAt(n - 1) == 'S' ? 'Y' : 'y');
        }
        for (String suffix : DROP_ES) {
            if (endsWith(word, suffix)) {
                return word.substring(0, n - 2);
            }
        }
        for (String suffix : KEEP) {
            if (endsWith(word, suffix)) {
                return word;
            }
        }
        return word.substring(0, n - 1);
    }

    private static boolean endsWith(String word, String suffix) {
        return word.regionMatches(true, word.length() - suffix.length(), suffix, 0, suffix.length());
    }
}
