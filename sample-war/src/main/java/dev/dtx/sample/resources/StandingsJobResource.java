package dev.dtx.sample.resources;

import dev.telemetrycdi.TelemetryJobs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Properties;

/**
 * Starts the {@code recompute-standings} batch job for a league and reports on its executions. The job's lines
 * ({@code job_started}, {@code standings_recomputed}, ...) carry this request's {@code request.id} because the job
 * parameters do ({@link TelemetryJobs#parameters}).
 */
@RequestScoped
@Path("/leagues/{id}/standings/recompute")
@Produces(MediaType.APPLICATION_JSON)
public class StandingsJobResource {
    static final String JOB = "recompute-standings";

    /** 202 with the job execution id; the league is checked by the job itself (an unknown one fails the job). */
    @POST
    public Response recompute(@PathParam("id") long id) {
        Properties parameters = new Properties();
        parameters.setProperty("league.id", Long.toString(id));
        long executionId = operator().start(JOB, TelemetryJobs.parameters(parameters));
        return Response.accepted(Json.createObjectBuilder().add("league", id).add("executionId", executionId)
                .build().toString()).build();
    }

    /** The execution's batch and exit status, as the job operator sees it. */
    @GET
    @Path("{executionId}")
    public String execution(@PathParam("id") long id, @PathParam("executionId") long executionId) {
        JobExecution execution;
        try {
            execution = operator().getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("no job execution " + executionId);
        }
        if (!JOB.equals(execution.getJobName())) {
            throw new NotFoundException("no job execution " + executionId);
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("executionId", executionId)
                .add("batchStatus", String.valueOf(execution.getBatchStatus()));
        if (execution.getExitStatus() != null) {
            body.add("exitStatus", execution.getExitStatus());
        }
        return body.build().toString();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
