package dev.telemetrycdi.it.foreign.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Protected by the web.xml security constraint on /api/admin/* (role admin; no error page). */
@Path("/admin/stats")
public class AdminResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String stats() {
        return "all is well";
    }
}
