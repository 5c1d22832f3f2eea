package dev.dtx.sample.resources;

import dev.dtx.sample.data.Catalog;
import dev.dtx.sample.data.Match;
import dev.dtx.sample.matches.MatchNotFoundException;
import dev.dtx.sample.matches.MatchService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Matches, their scoring through {@link MatchService}, and a forfeit that ends in the sample's mapper. */
@RequestScoped
@Path("/matches")
@Produces(MediaType.APPLICATION_JSON)
public class MatchResource {

    @Inject
    Catalog catalog;

    @Inject
    MatchService matches;

    @GET
    @Path("{id}")
    public String match(@PathParam("id") long id) {
        Match match = catalog.match(id).orElseThrow(() -> new MatchNotFoundException(id, "no match " + id));
        return Json.createObjectBuilder(match.toJson()).add("points", matches.points(id)).build().toString();
    }

    /** Adds {@code points} (at least 1) to the match; answers its new total. */
    @POST
    @Path("{id}/score")
    public String score(@PathParam("id") long id, @QueryParam("points") @DefaultValue("1") int points) {
        if (points < 1) {
            throw new BadRequestException("points must be at least 1");
        }
        int total = matches.score(id, points);
        return Json.createObjectBuilder().add("id", id).add("added", points).add("points", total).build().toString();
    }

    /**
     * Forfeits are not recorded in this sample, so every forfeit names a match that cannot be found: the
     * application exception becomes a 404 with a JSON body through {@code MatchNotFoundMapper}.
     */
    @GET
    @Path("{id}/forfeit")
    public String forfeit(@PathParam("id") long id) {
        throw new MatchNotFoundException(id, "no forfeitable match " + id);
    }
}
