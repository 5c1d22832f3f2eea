package dev.dtx.sample.matches;

import dev.telemetrycdi.EventLogger;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers {@link MatchNotFoundException} with 404 and a JSON body. Its log line still carries the request's
 * context, since mappers run inside the request.
 */
@Provider
public class MatchNotFoundMapper implements ExceptionMapper<MatchNotFoundException> {
    private static final EventLogger log = EventLogger.get(MatchNotFoundMapper.class);

    @Override
    public Response toResponse(MatchNotFoundException exception) {
        log.warning("match_not_found", "reason", exception.getMessage());
        String body = Json.createObjectBuilder()
                .add("error", "match_not_found")
                .add("matchId", exception.matchId())
                .add("message", exception.getMessage())
                .build()
                .toString();
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
