package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.cdi.TelemetryRuntime;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The servlet-level backstop of every HTTP request: binds the request's context for the whole servlet chain,
 * echoes {@code X-Request-ID}, and in {@code finally} restores the thread's previous context and writes the
 * request's closing line, whatever happened inside (an exception, an aborted JAX-RS filter, an exception mapper).
 * For an asynchronous request the closing line is written when the container completes it.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public class TelemetryServletFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    transient TelemetryRuntime runtime;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpTelemetry http = runtime == null ? null : runtime.http();
        RequestTelemetry telemetry = http == null || request.getAttribute(RequestTelemetry.ATTRIBUTE) != null
                ? null : begin(http, request, response);
        if (telemetry == null) {
            chain.doFilter(request, response);
            return;
        }
        Throwable failure = null;
        Object traceContext = http.enterThread();
        telemetry.bind();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            telemetry.unbind();
            http.leaveThread(traceContext);
            finish(http, telemetry, request, response, failure);
        }
    }

    /** Starts the request's telemetry, or returns null (and the request goes on without it) if that fails. */
    private static RequestTelemetry begin(HttpTelemetry http, HttpServletRequest request,
                                          HttpServletResponse response) {
        try {
            RequestTelemetry telemetry = http.begin(request.getHeader(RequestIds.HEADER), request.getMethod(),
                    request.getRequestURI(), request.getContextPath(), request.getUserPrincipal());
            request.setAttribute(RequestTelemetry.ATTRIBUTE, telemetry);
            response.setHeader(RequestIds.HEADER, telemetry.id());
            return telemetry;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Writes the closing line now, or when an asynchronous request completes; never throws over the request. */
    private static void finish(HttpTelemetry http, RequestTelemetry telemetry, ServletRequest request,
                               HttpServletResponse response, Throwable failure) {
        try {
            if (failure == null && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(http, telemetry, response));
                return;
            }
            int status = failure != null && !response.isCommitted() ? 500 : response.getStatus();
            http.complete(telemetry, status, failure);
        } catch (RuntimeException e) {
            // the request's own outcome stands; its closing line is lost
        }
    }

    /** Writes the closing line of an asynchronous request when the container completes it. */
    private static final class Completion implements AsyncListener {
        private final HttpTelemetry http;
        private final RequestTelemetry telemetry;
        private final HttpServletResponse response;
        private volatile Throwable failure;

        Completion(HttpTelemetry http, RequestTelemetry telemetry, HttpServletResponse response) {
            this.http = http;
            this.telemetry = telemetry;
            this.response = response;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            http.complete(telemetry, response.getStatus(), failure);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows and writes the line
        }

        @Override
        public void onError(AsyncEvent event) {
            failure = event.getThrowable();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
