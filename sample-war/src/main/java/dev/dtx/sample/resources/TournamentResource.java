package dev.dtx.sample.resources;

import dev.dtx.sample.data.Catalog;
import dev.dtx.sample.data.Draft;
import dev.dtx.sample.data.Tournament;
import dev.telemetrycdi.EventLogger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;

/** Tournaments and their drafts; also a failing and a slow endpoint for tests. */
@RequestScoped
@Path("/tournaments")
@Produces(MediaType.APPLICATION_JSON)
public class TournamentResource {
    static final long MAX_SLEEP_MS = 5000;

    private static final EventLogger log = EventLogger.get(TournamentResource.class);

    @Inject
    Catalog catalog;

    @GET
    @Path("{id}")
    public String tournament(@PathParam("id") long id) {
        Tournament tournament = find(id);
        log.info("tournament_loaded", "tournament.name", tournament.name());
        return tournament.toJson().toString();
    }

    @GET
    @Path("{id}/draft/{draftId}")
    public String draft(@PathParam("id") long id, @PathParam("draftId") long draftId) {
        Tournament tournament = find(id);
        Draft draft = catalog.draft(draftId)
                .filter(d -> d.tournamentId() == tournament.id())
                .orElseThrow(() -> new NotFoundException("no draft " + draftId + " in tournament " + id));
        log.info("tournament_draft_loaded", "tournament.name", tournament.name(), "draft.style", draft.style());
        return draft.toJson().toString();
    }

    /** Fails with an exception no mapper handles, so the server answers 500. */
    @GET
    @Path("{id}/explode")
    public String explode(@PathParam("id") long id) {
        throw new IllegalStateException("bracket corrupted");
    }

    /** Sleeps {@code ms} milliseconds (0 to {@value #MAX_SLEEP_MS}), then answers. */
    @GET
    @Path("{id}/slow")
    public String slow(@PathParam("id") long id, @QueryParam("ms") @DefaultValue("100") long ms) {
        long sleepMs = Math.max(0, Math.min(ms, MAX_SLEEP_MS));
        try {
            Thread.sleep(sleepMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while waiting");
        }
        log.info("tournament_slow_answered", "slept_ms", sleepMs);
        return Json.createObjectBuilder().add("id", id).add("sleptMs", sleepMs).build().toString();
    }

    private Tournament find(long id) {
        return catalog.tournament(id).orElseThrow(() -> new NotFoundException("no tournament " + id));
    }
}
