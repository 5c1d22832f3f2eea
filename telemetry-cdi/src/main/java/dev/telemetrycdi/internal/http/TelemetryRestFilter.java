package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.context.RequestIds;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;

/**
 * JAX-RS side of a request's telemetry: once a resource method matched, binds the route template and the labels
 * of its path parameters (preferred over the raw path), and the user of the JAX-RS security context; on the
 * response, echoes {@code X-Request-ID}. Does nothing for a request the servlet filter did not start.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@Provider
@Priority(Priorities.USER - 100)
public class TelemetryRestFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private final RouteTemplates routes = new RouteTemplates();

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        RequestTelemetry telemetry = telemetryOf(request);
        if (telemetry == null) {
            return;
        }
        try {
            String template = routes.cached(resource.getResourceMethod());
            if (template == null) {
                template = routes.template(telemetry.appPath(), request.getUriInfo().getPath(false),
                        resource.getResourceClass(), resource.getResourceMethod());
            }
            if (template != null) {
                MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
                telemetry.owner().matched(telemetry, template, parameters::getFirst);
            }
            Principal user = request.getSecurityContext() == null ? null
                    : request.getSecurityContext().getUserPrincipal();
            if (user != null) {
                telemetry.user(user.getName());
            }
            telemetry.owner().correlate(telemetry);
        } catch (RuntimeException e) {
            // telemetry never breaks a request: the raw-path labels bound by the servlet filter stay
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestTelemetry telemetry = telemetryOf(request);
        if (telemetry != null && !response.getHeaders().containsKey(RequestIds.HEADER)) {
            response.getHeaders().putSingle(RequestIds.HEADER, telemetry.id());
        }
    }

    private static RequestTelemetry telemetryOf(ContainerRequestContext request) {
        Object telemetry = request.getProperty(RequestTelemetry.ATTRIBUTE);
        return telemetry instanceof RequestTelemetry ? (RequestTelemetry) telemetry : null;
    }
}
