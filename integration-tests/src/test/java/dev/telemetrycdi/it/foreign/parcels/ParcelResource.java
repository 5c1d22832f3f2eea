package dev.telemetrycdi.it.foreign.parcels;

import dev.telemetrycdi.EventLogger;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.logging.Logger;

@Path("/parcels/{parcelId}")
public class ParcelResource {
    private static final EventLogger EVENTS = EventLogger.get(ParcelResource.class);
    private static final Logger LOG = Logger.getLogger(ParcelResource.class.getName());
    /** Outside the application's bridged category: the server's own log export may take it, the module never. */
    private static final Logger AUDIT = Logger.getLogger("org.acme.audit");

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String weigh(@PathParam("parcelId") long parcelId) {
        EVENTS.info("parcel_weighed", "parcel.weight_kg", 2.5, "parcel.fragile", true, "parcel.count", 3,
                "parcel.tags", List.of("express", "insured"));
        LOG.info("Parcel " + parcelId + " weighed");
        AUDIT.info("Audit of parcel " + parcelId);
        return "parcel " + parcelId;
    }

    @GET
    @Path("/lost")
    @Produces(MediaType.TEXT_PLAIN)
    public String lose(@PathParam("parcelId") long parcelId) {
        throw new IllegalStateException("parcel " + parcelId + " lost");
    }
}
