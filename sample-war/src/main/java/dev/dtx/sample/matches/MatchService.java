package dev.dtx.sample.matches;

import dev.dtx.sample.data.Catalog;
import dev.telemetrycdi.BindContext;
import dev.telemetrycdi.ContextField;
import dev.telemetrycdi.EventLogger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the points scored in each match. {@link #score} shows {@link BindContext}: while it runs,
 * {@code match.id} and {@code score.points} are bound, so its {@code match_scored} line carries them without
 * passing them along, and both are gone again once it returns or throws.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class MatchService {
    private static final EventLogger log = EventLogger.get(MatchService.class);

    private final Map<Long, Integer> points = new ConcurrentHashMap<>();

    @Inject
    Catalog catalog;

    /** Adds {@code added} points to the match and returns its new total. */
    @BindContext
    public int score(@ContextField("match.id") long matchId, @ContextField("score.points") int added) {
        if (catalog.match(matchId).isEmpty()) {
            throw new MatchNotFoundException(matchId, "no match " + matchId + " to score");
        }
        int total = points.merge(matchId, added, Integer::sum);
        log.info("match_scored", "total", total);
        return total;
    }

    /** The points scored in the match so far. */
    public int points(long matchId) {
        return points.getOrDefault(matchId, 0);
    }
}
