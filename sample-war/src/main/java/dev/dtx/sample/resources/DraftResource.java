package dev.dtx.sample.resources;

import dev.dtx.sample.data.Catalog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.logging.Logger;

/** Drafts by id. Logs through plain {@code java.util.logging}, which the module enriches with context too. */
@RequestScoped
@Path("/drafts")
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {
    private static final Logger LOG = Logger.getLogger(DraftResource.class.getName());

    @Inject
    Catalog catalog;

    @GET
    @Path("{id}")
    public String draft(@PathParam("id") long id) {
        LOG.info("loading draft " + id);
        return catalog.draft(id)
                .orElseThrow(() -> new NotFoundException("no draft " + id))
                .toJson()
                .toString();
    }
}
