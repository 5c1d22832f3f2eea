package dev.telemetrycdi.it.foreign.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Protected by the web.xml security constraint on /api/account/* (BASIC). */
@Path("/account")
public class AccountResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String account(@Context SecurityContext security) {
        return "account of " + security.getUserPrincipal().getName();
    }
}
