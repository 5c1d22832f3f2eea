package dev.telemetrycdi.it.foreign.work;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts the report job with the request's query parameters as job parameters, as the batch-processing quickstart
 * does: {@code POST /api/reports?token=...} answers 202 with the execution id; {@code GET /api/reports/{id}} gives
 * the execution's batch status.
 */
@RequestScoped
@Path("reports")
public class ReportResource {
    private static final Logger LOG = Logger.getLogger(ReportResource.class.getName());

    @Context
    UriInfo uri;

    @POST
    public Response start() {
        Properties parameters = new Properties();
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        query.forEach((name, values) -> parameters.setProperty(name, values.get(0)));
        JobOperator operator = BatchRuntime.getJobOperator();
        long execution = operator.start("reportJob", parameters);
        LOG.info("report started " + parameters.getProperty("token"));
        return Response.accepted(String.valueOf(execution)).build();
    }

    @GET
    @Path("{execution}")
    public String status(@PathParam("execution") long execution) {
        return BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus().name();
    }
}
