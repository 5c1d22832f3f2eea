package dev.telemetrycdi.it.foreign.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/orders/{orderId}/lines/{lineId}")
public class OrderLineResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String line(@PathParam("orderId") long orderId, @PathParam("lineId") long lineId) {
        return "order " + orderId + " line " + lineId;
    }
}
