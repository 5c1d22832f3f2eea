package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.RequestIds;
import dev.telemetrycdi.internal.websocket.WebSocketTelemetry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;

/**
 * The servlet-level scope of every request that reaches the application: binds the request's context for the
 * whole servlet chain, so that every line written inside carries it, and in {@code finally} restores the thread's
 * previous context, whatever happened inside. It records what only the chain sees: the caller once the container
 * authenticated it, an exception that escaped, the trace. {@link TelemetryRequestListener} started the request and
 * writes its line; an asynchronous request's line is written here when the container completes it. Where the
 * listener could not start the request (no {@link ServerResponses} for the server), this filter starts it and
 * writes its line itself.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public class TelemetryServletFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    transient HookReport hooks;
    @Inject
    transient Instance<HttpTelemetry> httpPart;
    @Inject
    transient Instance<WebSocketTelemetry> webSocketPart;

    /** The module's request telemetry; null while the module does not run. */
    private transient volatile HttpTelemetry http;
    /** The module's WebSocket telemetry, for upgrade requests; null while the module does not run. */
    private transient volatile WebSocketTelemetry webSockets;

    /** Says that the HTTP hook is in place, then takes the module's parts ({@link HookParts}). */
    @PostConstruct
    void hooked() {
        HookParts parts = HookParts.take(hooks, httpPart, webSocketPart);
        http = parts.http();
        webSockets = parts.webSockets();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpTelemetry http = this.http;
        Object started = request.getAttribute(RequestTelemetry.ATTRIBUTE);
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // the container's error page: of a request the security refused (403), this is the only dispatch the
            // application sees, and the caller is known here (Open Liberty hides it once the response is complete)
            if (started instanceof RequestTelemetry) {
                recordUser((RequestTelemetry) started, request);
            }
            chain.doFilter(request, response);
            return;
        }
        boolean own = started == null; // no listener started it: this filter also writes its line
        RequestTelemetry telemetry = null;
        if (http != null && own) {
            telemetry = begin(http, webSockets, request, response);
        } else if (http != null && started instanceof RequestTelemetry) {
            telemetry = enter((RequestTelemetry) started, request, response);
        }
        if (telemetry == null) {
            chain.doFilter(request, response);
            return;
        }
        labelByMapping(http, telemetry, request);
        Throwable failure = null;
        Object traceContext = http.enterThread();
        correlate(http, telemetry);
        ContextStorage.Scope bound = telemetry.bind();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            bound.close();
            http.leaveThread(traceContext);
            finish(http, telemetry, request, response, failure, own);
        }
    }

    /** Starts the request's telemetry here, or returns null (and the request goes on without it) if that fails. */
    private static RequestTelemetry begin(HttpTelemetry http, WebSocketTelemetry webSockets,
                                          HttpServletRequest request, HttpServletResponse response) {
        try {
            RequestTelemetry telemetry = http.begin(request.getHeader(RequestIds.HEADER), request.getMethod(),
                    request.getRequestURI(), request.getContextPath(), request.getUserPrincipal());
            telemetry.enteredApplication(response);
            request.setAttribute(RequestTelemetry.ATTRIBUTE, telemetry);
            response.setHeader(RequestIds.HEADER, telemetry.id());
            WebSocketUpgrades.note(webSockets, request, telemetry.id());
            return telemetry;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Continues the request the listener started, now that the container's security let it through. */
    private static RequestTelemetry enter(RequestTelemetry telemetry, HttpServletRequest request,
                                          HttpServletResponse response) {
        try {
            telemetry.enteredApplication(response);
            recordUser(telemetry, request);
            if (!response.containsHeader(RequestIds.HEADER)) {
                response.setHeader(RequestIds.HEADER, telemetry.id());
            }
            return telemetry;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void labelByMapping(HttpTelemetry http, RequestTelemetry telemetry, HttpServletRequest request) {
        try {
            HttpServletMapping mapping = request.getHttpServletMapping();
            if (mapping != null) {
                http.servletMapped(telemetry, mapping.getPattern());
            }
        } catch (RuntimeException e) {
            // the raw-path labels stay
        }
    }

    private static void correlate(HttpTelemetry http, RequestTelemetry telemetry) {
        try {
            http.correlate(telemetry);
        } catch (RuntimeException e) {
            // the request goes on without trace ids
        }
    }

    private static void recordUser(RequestTelemetry telemetry, HttpServletRequest request) {
        try {
            Principal user = request.getUserPrincipal();
            if (user != null) {
                telemetry.user(user.getName());
            }
        } catch (RuntimeException e) {
            // the line goes without user.id
        }
    }

    /**
     * Records the caller the chain authenticated (a FORM login) and an escaped exception; writes the closing line
     * now if this filter started the request, or when an asynchronous request completes. Never throws over the
     * request.
     */
    private static void finish(HttpTelemetry http, RequestTelemetry telemetry, HttpServletRequest request,
                               HttpServletResponse response, Throwable failure, boolean own) {
        try {
            if (failure != null) {
                telemetry.thrown(failure);
                telemetry.server().keepHeader(request, RequestIds.HEADER, telemetry.id());
            }
            recordUser(telemetry, request);
            if (failure == null && request.isAsyncStarted()) {
                telemetry.goneAsync();
                request.getAsyncContext().addListener(new Completion(http, telemetry, response));
                return;
            }
            if (own) {
                int status = failure != null && !response.isCommitted() ? 500 : response.getStatus();
                http.complete(telemetry, status, failure);
            }
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
