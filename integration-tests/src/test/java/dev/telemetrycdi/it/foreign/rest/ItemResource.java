package dev.telemetrycdi.it.foreign.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    public void remove(@PathParam("id") long id) {
        LOG.info("Removing item " + id);
    }
}
