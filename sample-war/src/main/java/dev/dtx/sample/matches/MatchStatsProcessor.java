package dev.dtx.sample.matches;

import dev.dtx.sample.data.Catalog;
import dev.dtx.sample.data.Match;
import dev.telemetrycdi.BindContext;
import dev.telemetrycdi.ContextField;
import dev.telemetrycdi.EventLogger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The design's {@code process_match_stats} background task: run on a managed executor thread by
 * {@code POST /api/matches/{id}/stats}, it carries the submitting request's context plus {@code task.id} and
 * {@code task.name}, and binds {@code match.id} while it works.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class MatchStatsProcessor {
    public static final String TASK_NAME = "process_match_stats";
    private static final EventLogger log = EventLogger.get(MatchStatsProcessor.class);

    @Inject
    Catalog catalog;

    /** Computes a match's statistics; {@code fail} makes it throw, to show {@code task_failed}. */
    @BindContext
    public void process(@ContextField("match.id") long matchId, boolean fail) {
        log.info("processing_match");
        Match match = catalog.match(matchId).orElseThrow(() -> new MatchNotFoundException(matchId, "no match " + matchId));
        if (fail) {
            throw new IllegalStateException("stats of match " + matchId + " could not be computed");
        }
        log.info("match_stats_processed", "match.home", match.home(), "match.away", match.away());
    }
}
