package dev.dtx.sample.matches;

import dev.dtx.sample.data.Catalog;
import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.TelemetryMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.json.Json;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /api/matches/{id}/events?type=kill}: sends a match event to the {@link MatchEvents} queue through the
 * server's default JMS connection factory and answers 202; {@link MatchEventConsumer} applies it. The message
 * carries the request's context ({@link TelemetryMessages#carry}), so the consumer's lines have the same
 * {@code request.id} and {@code user.id}. {@code type} is 1 to 32 of {@code a-z _}; {@code explode} makes the
 * consumer fail.
 */
@RequestScoped
@Path("/matches/{id}/events")
@Produces(MediaType.APPLICATION_JSON)
public class MatchEventsResource {
    private static final EventLogger log = EventLogger.get(MatchEventsResource.class);
    private static final Pattern TYPE = Pattern.compile("[a-z_]{1,32}");

    @Inject
    Catalog catalog;

    @Inject
    JMSContext jms;

    @POST
    public Response send(@PathParam("id") long id, @QueryParam("type") String type) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new BadRequestException("type must be 1 to 32 of a-z and _");
        }
        catalog.match(id).orElseThrow(() -> new MatchNotFoundException(id, "no match " + id));
        TelemetryMessages.carry(jms.createProducer())
                .send(jms.createQueue(MatchEvents.QUEUE_NAME), Map.<String, Object>of(MatchEvents.MATCH_ID, id, MatchEvents.TYPE, type));
        log.info("match_event_sent", "match.event", type);
        return Response.accepted(Json.createObjectBuilder().add("matchId", id).add("type", type).build().toString())
                .build();
    }
}
