package dev.telemetrycdi.internal.http;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;

/**
 * Records an exception escaping a resource method on the request's telemetry, then rethrows it unchanged.
 * {@code WebApplicationException}s are deliberate responses, not failures, and are not recorded.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@CapturesFailures
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ResourceFailureInterceptor {
    @Inject
    HttpServletRequest request;

    @AroundInvoke
    public Object record(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception | Error e) {
            if (!(e instanceof WebApplicationException)) {
                remember(e);
            }
            throw e;
        }
    }

    private void remember(Throwable thrown) {
        try {
            Object telemetry = request.getAttribute(RequestTelemetry.ATTRIBUTE);
            if (telemetry instanceof RequestTelemetry) {
                ((RequestTelemetry) telemetry).escaped(thrown);
            }
        } catch (RuntimeException noRequest) {
            // called outside an HTTP request: nothing to record
        }
    }
}
