package dev.dtx.sample.resources;

import dev.dtx.sample.data.Catalog;
import dev.dtx.sample.matches.MatchNotFoundException;
import dev.dtx.sample.matches.MatchStatsProcessor;
import dev.dtx.sample.steam.SteamClient;
import dev.dtx.sample.steam.SteamUnavailableException;
import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.TelemetryExecutors;
import dev.telemetrycdi.WithTelemetry;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A match's statistics from Steam, through {@link SteamClient}: the outbound call forwards the request's
 * {@code X-Request-ID} and writes an {@code http_client_request} line with the request's context. When Steam is
 * unreachable or fails, the answer is 502 with a JSON body, and the application goes on serving.
 *
 * <p>{@code POST} submits the design's {@code process_match_stats} background task to the server's default executor,
 * decorated ({@code @WithTelemetry}), and answers 202 Accepted at once; the task's lines carry this request's
 * {@code request.id}. {@code ?fail=true} makes the task fail, to show {@code task_failed}.
 */
@RequestScoped
@Path("/matches/{id}/stats")
@Produces(MediaType.APPLICATION_JSON)
public class MatchStatsResource {
    private static final EventLogger log = EventLogger.get(MatchStatsResource.class);

    @Inject
    Catalog catalog;

    @Inject
    SteamClient steam;

    @Inject
    MatchStatsProcessor processor;

    @Inject
    @WithTelemetry
    ManagedExecutorService executor;

    @GET
    public Response stats(@PathParam("id") long id) {
        catalog.match(id).orElseThrow(() -> new MatchNotFoundException(id, "no match " + id));
        try {
            JsonObject details = steam.matchDetails(id);
            return Response.ok(Json.createObjectBuilder().add("id", id).add("steam", details).build().toString())
                    .build();
        } catch (SteamUnavailableException e) {
            log.warning("match_stats_unavailable", "reason", e.getMessage());
            String body = Json.createObjectBuilder()
                    .add("error", "steam_unavailable")
                    .add("matchId", id)
                    .add("message", e.getMessage())
                    .build()
                    .toString();
            return Response.status(Response.Status.BAD_GATEWAY).type(MediaType.APPLICATION_JSON).entity(body).build();
        }
    }

    @POST
    public Response process(@PathParam("id") long id, @QueryParam("fail") @DefaultValue("false") boolean fail) {
        catalog.match(id).orElseThrow(() -> new MatchNotFoundException(id, "no match " + id));
        MatchStatsProcessor stats = processor;
        executor.submit(TelemetryExecutors.named(MatchStatsProcessor.TASK_NAME, () -> stats.process(id, fail)));
        log.info("match_stats_submitted", "match.id", id);
        return Response.accepted(Json.createObjectBuilder().add("matchId", id)
                .add("task", MatchStatsProcessor.TASK_NAME).build().toString()).build();
    }
}
