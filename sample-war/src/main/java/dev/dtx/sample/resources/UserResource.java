package dev.dtx.sample.resources;

import dev.telemetrycdi.EventLogger;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * The signed-in user: the request's HTTP BASIC credentials (realm {@code dtx}, users from the server's registry)
 * give the principal, and so the {@code user.id} of its log lines; without valid credentials it answers 401.
 */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    private static final EventLogger log = EventLogger.get(UserResource.class);

    @GET
    @Path("me")
    public String me(@Context SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        if (principal == null) {
            throw new NotAuthorizedException("Basic realm=\"dtx\"");
        }
        String name = principal.getName();
        log.info("profile_loaded");
        return Json.createObjectBuilder().add("name", name).build().toString();
    }
}
