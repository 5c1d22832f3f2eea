package dev.telemetrycdi.internal.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Correlates a traced request with its server span: adds the request's context to the span's attributes and keeps
 * the span's ids for the request's closing lines. It runs after {@link TelemetryRestFilter}, at
 * {@code Priorities.USER + 100}, because WildFly's MicroProfile Telemetry starts the server span in a JAX-RS filter
 * of priority {@code USER}: earlier filters see no span there (on Open Liberty the span exists from the servlet on,
 * and {@link TelemetryRestFilter} already correlated; doing it again changes nothing).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@Provider
@Priority(Priorities.USER + 100)
public class TelemetrySpanFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        try {
            Object telemetry = request.getProperty(RequestTelemetry.ATTRIBUTE);
            if (telemetry instanceof RequestTelemetry) {
                ((RequestTelemetry) telemetry).owner().correlate((RequestTelemetry) telemetry);
            }
        } catch (RuntimeException e) {
            // telemetry never breaks a request
        }
    }
}
