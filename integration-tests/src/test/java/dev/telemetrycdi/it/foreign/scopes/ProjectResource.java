package dev.telemetrycdi.it.foreign.scopes;

import dev.telemetrycdi.EventLogger;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** Projects of a tenant. */
@Path("/projects/{projectId}")
public class ProjectResource {
    private static final EventLogger LOG = EventLogger.get(ProjectResource.class);

    @GET
    public String project(@PathParam("projectId") long id) {
        LOG.info("project_read");
        return "project " + id;
    }

    /** The REST application, listing its classes as many quickstarts do (so the server scans for nothing). */
    @ApplicationPath("/api")
    public static class ProjectsApplication extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(ProjectResource.class);
        }
    }
}
