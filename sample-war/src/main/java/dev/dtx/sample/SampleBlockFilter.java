package dev.dtx.sample;

import dev.telemetrycdi.EventLogger;
import jakarta.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Aborts a request carrying {@code X-Sample-Block: yes} with 403 before its resource method runs. A
 * post-matching filter, so the request already has its route; shows a request that ends in a filter.
 */
@Provider
public class SampleBlockFilter implements ContainerRequestFilter {
    static final String HEADER = "X-Sample-Block";

    private static final EventLogger log = EventLogger.get(SampleBlockFilter.class);

    @Override
    public void filter(ContainerRequestContext request) {
        if ("yes".equalsIgnoreCase(request.getHeaderString(HEADER))) {
            log.info("request_blocked", "header", HEADER);
            String body = Json.createObjectBuilder()
                    .add("error", "blocked")
                    .add("message", "request blocked by header " + HEADER)
                    .build()
                    .toString();
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(body)
                    .build());
        }
    }
}
