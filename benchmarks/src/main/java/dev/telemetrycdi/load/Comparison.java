package dev.telemetrycdi.load;

import java.util.List;
import java.util.Locale;

/**
 * One comparison issue 15 asks for, of two configurations measured in the same run on the same server: the subject's
 * server CPU per request, throughput and p99 divided by the reference's, and, where the issue sets one, the target
 * on CPU per request. Judged on the round-by-round ratio (each round's subject over the same round's reference);
 * reported, never asserted.
 *
 * @param maxCpuRatio the largest CPU-per-request ratio that meets the target; {@code NaN}: no target, for reading
 */
record Comparison(Configuration subject, Configuration reference, String what, double maxCpuRatio) {

    static final List<Comparison> ISSUE_15 = List.of(
            new Comparison(Configuration.JSON, Configuration.SERVER_JSON,
                    "the module's JSON lines vs Liberty's own JSON logging + access log", 1.0),
            new Comparison(Configuration.WILDFLY_JSON, Configuration.WILDFLY_SERVER_JSON,
                    "the module's JSON lines vs WildFly's own JSON logging + access log", 1.0),
            new Comparison(Configuration.LOGS_EXPORTED, Configuration.TRACED,
                    "OTLP logs export on vs JSON lines alone (both with tracing, Liberty)", 1.03),
            new Comparison(Configuration.WILDFLY_LOGS_EXPORTED, Configuration.WILDFLY_TRACED,
                    "OTLP logs export on vs JSON lines alone (both with tracing, WildFly)", 1.03),
            new Comparison(Configuration.LOGS_EXPORTED, Configuration.JSON,
                    "OTLP logs export with tracing vs JSON lines without tracing (Liberty)", Double.NaN),
            new Comparison(Configuration.WILDFLY_LOGS_EXPORTED, Configuration.WILDFLY_JSON,
                    "OTLP logs export with tracing vs JSON lines without tracing (WildFly)", Double.NaN));

    /** One row of the report's table, or none when one of the two was not measured. */
    String row(LoadHarness.Report report) {
        if (!report.runs().containsKey(subject) || !report.runs().containsKey(reference)) {
            return "";
        }
        Measurement mine = report.median(subject);
        Measurement theirs = report.median(reference);
        double roundByRound = report.roundByRound(subject, reference, Measurement::serverCpuMicrosPerRequest);
        String verdict = Double.isNaN(maxCpuRatio) ? "(no target)"
                : String.format(Locale.ROOT, "%s (target ≤ %.2f)", roundByRound <= maxCpuRatio ? "met" : "NOT met",
                        maxCpuRatio);
        return String.format(Locale.ROOT, "| %s ÷ %s: %s | %.3f | %.3f | %.3f | %.3f | %.3f | %s |%n",
                subject.number(), reference.number(), what,
                mine.serverCpuMicrosPerRequest() / theirs.serverCpuMicrosPerRequest(), roundByRound,
                mine.requestsPerSecond() / theirs.requestsPerSecond(),
                report.roundByRound(subject, reference, Measurement::requestsPerSecond),
                mine.p99Millis() / theirs.p99Millis(), verdict);
    }
}
