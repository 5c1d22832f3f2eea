package dev.dtx.sample.standings;

import dev.dtx.sample.data.Catalog;
import dev.dtx.sample.data.League;
import dev.dtx.sample.data.Standing;
import dev.telemetrycdi.ContextScope;
import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.TelemetryContext;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The step of the {@code recompute-standings} job: recomputes the table of the league named by the job parameter
 * {@code league.id} and logs {@code standings_recomputed}. A league that does not exist fails the step (and so the
 * job) with an {@link IllegalArgumentException}: {@code POST /api/leagues/99/standings/recompute} shows that path.
 */
@Named("recomputeStandings")
@Dependent
public class RecomputeStandingsBatchlet extends AbstractBatchlet {
    static final String EXIT_STATUS = "RECOMPUTED";
    private static final EventLogger log = EventLogger.get(RecomputeStandingsBatchlet.class);

    @Inject
    Catalog catalog;

    @Inject
    @BatchProperty(name = "league.id")
    String leagueId;

    @Inject
    StepContext step;

    @Override
    public String process() {
        long id = Long.parseLong(leagueId);
        try (ContextScope scope = TelemetryContext.bind("league.id", id)) {
            League league = catalog.league(id)
                    .orElseThrow(() -> new IllegalArgumentException("no league " + id + " to recompute"));
            List<Standing> table = Standing.table(catalog.matchesOfLeague(id));
            log.info("standings_recomputed", "league.name", league.name(), "teams", table.size(),
                    "leader", table.isEmpty() ? "" : table.get(0).team());
            step.setExitStatus(EXIT_STATUS); // set here, the step listener's step_completed line shows it too
            return EXIT_STATUS;
        }
    }
}
