package dev.dtx.sample.resources;

import dev.dtx.sample.data.Catalog;
import dev.dtx.sample.data.League;
import dev.dtx.sample.data.Organization;
import dev.telemetrycdi.EventLogger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Organizations with the leagues they run. */
@RequestScoped
@Path("/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {
    private static final EventLogger log = EventLogger.get(OrganizationResource.class);

    @Inject
    Catalog catalog;

    @GET
    @Path("{id}")
    public String organization(@PathParam("id") long id) {
        Organization organization = catalog.organization(id)
                .orElseThrow(() -> new NotFoundException("no organization " + id));
        JsonArrayBuilder leagues = Json.createArrayBuilder();
        for (League league : catalog.leaguesOf(id)) {
            leagues.add(league.toJson());
        }
        log.info("organization_loaded", "organization.name", organization.name());
        return Json.createObjectBuilder(organization.toJson()).add("leagues", leagues).build().toString();
    }
}
