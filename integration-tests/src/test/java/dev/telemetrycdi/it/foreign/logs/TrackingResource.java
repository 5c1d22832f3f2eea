package dev.telemetrycdi.it.foreign.logs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Tracking, logged through SLF4J (Logback); the parcel is packed on the server's default executor (Log4j 2). */
@Path("/tracking/{id}")
public class TrackingResource {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingResource.class);
    private static final org.apache.logging.log4j.Logger AUDIT = LogManager.getLogger("shipments.audit");

    @Resource
    ManagedExecutorService executor;

    @GET
    public String track(@PathParam("id") String id) throws InterruptedException, ExecutionException,
            TimeoutException {
        LOG.info("Tracking {} requested", id);
        executor.submit(() -> AUDIT.info("Parcel {} packed", id)).get(10, TimeUnit.SECONDS);
        return "tracking " + id;
    }
}
