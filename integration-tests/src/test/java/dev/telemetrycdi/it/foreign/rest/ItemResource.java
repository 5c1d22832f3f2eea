package dev.telemetrycdi.it.foreign.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.logging.Logger;

@Path("/items")
@RequestScoped
public class ItemResource {
    private static final Logger LOG = Logger.getLogger(ItemResource.class.getName());

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String item(@PathParam("id") long id) {
        if (id > 100) {
            throw new NotFoundException("no item " + id);
        }
        LOG.info("Reading item " + id);
        return "item " + id;
    }

    /** The item's history, one log line per entry, as an application that logs what it reads would. */
    @GET
    @Path("/{id}/history")
    @Produces(MediaType.TEXT_PLAIN)
    public String history(@PathParam("id") long id, @QueryParam("entries") @DefaultValue("10") int entries) {
        StringBuilder history = new StringBuilder();
        for (int entry = 1; entry <= entries; entry++) {
            LOG.info("Item " + id + " history entry " + entry);
            history.append(entry).append('\n');
        }
        return history.toString();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    public void remove(@PathParam("id") long id) {
        LOG.info("Removing item " + id);
    }
}
