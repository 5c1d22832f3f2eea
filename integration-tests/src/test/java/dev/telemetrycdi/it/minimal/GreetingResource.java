package dev.telemetrycdi.it.minimal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;
import java.util.logging.Logger;

/** A quickstart-style resource of the foreign application: greets known people, 404 for anyone else. */
@Path("/greetings")
@RequestScoped
public class GreetingResource {
    private static final Logger LOG = Logger.getLogger(GreetingResource.class.getName());
    private static final Set<String> KNOWN = Set.of("ada", "grace");

    @GET
    @Path("/{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public String greet(@PathParam("name") String name) {
        if (!KNOWN.contains(name)) {
            throw new NotFoundException("nobody called " + name);
        }
        LOG.info("greeting sent");
        return "Hello, " + name + "!";
    }
}
