package dev.dtx.sample.resources;

import dev.dtx.sample.data.Catalog;
import dev.dtx.sample.data.League;
import dev.dtx.sample.data.Match;
import dev.dtx.sample.data.Standing;
import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.TelemetryExecutors;
import dev.telemetrycdi.WithTelemetry;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * League standings, computed on the request thread or, for the async variants, on a thread of the server's default
 * executor, decorated ({@code @WithTelemetry}) so that the task carries the request's context. Logs through JBoss
 * Logging.
 */
@RequestScoped
@Path("/leagues")
@Produces(MediaType.APPLICATION_JSON)
public class LeagueResource {
    private static final Logger log = Logger.getLogger(LeagueResource.class);
    private static final EventLogger events = EventLogger.get(LeagueResource.class);

    @Inject
    Catalog catalog;

    @Inject
    @WithTelemetry
    ManagedExecutorService executor;

    @GET
    @Path("{id}/standings")
    public String standings(@PathParam("id") long id) {
        return standingsOf(catalog, find(id));
    }

    /** Suspends the request and resumes it from an executor thread. */
    @GET
    @Path("{id}/standings/async")
    public void standingsAsync(@PathParam("id") long id, @Suspended AsyncResponse response) {
        League league = find(id);
        Catalog data = catalog;
        executor.execute(TelemetryExecutors.named("resume_standings", () -> {
            try {
                String body = standingsOf(data, league);
                events.info("standings_resumed", "league.name", league.name());
                response.resume(body);
            } catch (RuntimeException e) {
                response.resume(e);
            }
        }));
    }

    /** Answers with a stage that an executor thread completes. */
    @GET
    @Path("{id}/standings/stage")
    public CompletionStage<String> standingsStage(@PathParam("id") long id) {
        League league = find(id);
        Catalog data = catalog;
        return executor.supplyAsync(() -> {
            String body = standingsOf(data, league);
            events.info("standings_completed", "league.name", league.name());
            return body;
        });
    }

    /** Static, so that executor threads touch only what they were handed, not this request's bean. */
    private static String standingsOf(Catalog catalog, League league) {
        log.infof("computing standings for league %s", league.id());
        List<Match> matches = catalog.matchesOfLeague(league.id());
        log.debugf("standings of league %s built from %d matches", league.id(), matches.size());
        return Json.createObjectBuilder()
                .add("league", league.toJson())
                .add("standings", Standing.toJson(Standing.table(matches)))
                .build()
                .toString();
    }

    private League find(long id) {
        return catalog.league(id).orElseThrow(() -> new NotFoundException("no league " + id));
    }
}
