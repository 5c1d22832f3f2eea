package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.context.RequestIds;
import dev.telemetrycdi.internal.websocket.WebSocketTelemetry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestAttributeEvent;
import jakarta.servlet.ServletRequestAttributeListener;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.Principal;
import java.util.logging.Logger;

/**
 * The start and the end of every request the application's web context answers, refused ones included: the
 * container calls a request listener before its web security and after the response is complete, while filters
 * never see a request the security refuses (403, 401, the login page). Starts the request's telemetry and echoes
 * {@code X-Request-ID} at once; writes its {@code request_completed} line with the status the client got when the
 * request is destroyed (for an asynchronous request, {@link TelemetryServletFilter} writes it at completion).
 *
 * <p>The servlet API gives a listener no response: a small per-server {@link ServerResponses} finds it. Where none
 * works, the servlet filter writes the lines of the requests it sees, and the module says so once.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public class TelemetryRequestListener implements ServletRequestListener, ServletRequestAttributeListener {
    /** Where Open Liberty's MicroProfile Telemetry 2.x keeps a request's server span (its context). */
    static final String LIBERTY_SPAN_ATTRIBUTE = "otel.span.http.context";
    private static final Logger DIAGNOSTICS = Logger.getLogger("dev.telemetrycdi");

    @Inject
    HookReport hooks;
    @Inject
    Instance<HttpTelemetry> httpPart;
    @Inject
    Instance<WebSocketTelemetry> webSocketPart;

    /** The module's request telemetry; null while the module does not run. */
    private volatile HttpTelemetry http;
    /** The module's WebSocket telemetry, for upgrade requests; null while the module does not run. */
    private volatile WebSocketTelemetry webSockets;

    /** Says that the HTTP hook is in place, then takes the module's parts ({@link HookParts}). */
    @PostConstruct
    void hooked() {
        HookParts parts = HookParts.take(hooks, httpPart, webSocketPart);
        http = parts.http();
        webSockets = parts.webSockets();
    }

    private volatile ServerResponses responses;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        try {
            if (http == null || !(event.getServletRequest() instanceof HttpServletRequest)) {
                return;
            }
            HttpServletRequest request = (HttpServletRequest) event.getServletRequest();
            ServerResponses server = serverResponses(request);
            HttpServletResponse response = server.responseOf(request);
            if (response == null || request.getAttribute(RequestTelemetry.ATTRIBUTE) != null) {
                return; // the servlet filter starts and ends it alone
            }
            RequestTelemetry telemetry = http.begin(request.getHeader(RequestIds.HEADER), request.getMethod(),
                    request.getRequestURI(), request.getContextPath(), null);
            telemetry.awaitFilter();
            telemetry.respondsWith(response, server);
            request.setAttribute(RequestTelemetry.ATTRIBUTE, telemetry);
            server.attach(request, telemetry);
            response.setHeader(RequestIds.HEADER, telemetry.id());
            WebSocketUpgrades.note(webSockets, request, telemetry.id());
        } catch (RuntimeException e) {
            // telemetry never breaks a request
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        try {
            ServletRequest request = event.getServletRequest();
            Object attribute = request.getAttribute(RequestTelemetry.ATTRIBUTE);
            if (attribute == null && http == null) {
                return; // the module does not run: nothing was started
            }
            RequestTelemetry telemetry = attribute instanceof RequestTelemetry ? (RequestTelemetry) attribute
                    : serverResponses(request).attached(request);
            if (telemetry == null || telemetry.isAsync()) {
                return;
            }
            HttpServletResponse response = telemetry.response();
            if (response == null) {
                return;
            }
            int status = response.getStatus();
            WebSocketUpgrades.ended(webSockets, (HttpServletRequest) request, telemetry.id(), status);
            telemetry.user(caller((HttpServletRequest) request, status));
            telemetry.owner().complete(telemetry, status, null);
        } catch (RuntimeException e) {
            // the request's own outcome stands; its closing line is lost
        }
    }

    /**
     * Ties the request to the server span Open Liberty starts in its own servlet filter: Liberty makes the span
     * current and then stores it as the request attribute {@value #LIBERTY_SPAN_ATTRIBUTE}, wherever its filter runs
     * relative to the module's.
     */
    @Override
    public void attributeAdded(ServletRequestAttributeEvent event) {
        if (!LIBERTY_SPAN_ATTRIBUTE.equals(event.getName())) {
            return;
        }
        try {
            Object attribute = event.getServletRequest().getAttribute(RequestTelemetry.ATTRIBUTE);
            if (attribute instanceof RequestTelemetry) {
                ((RequestTelemetry) attribute).owner().correlate((RequestTelemetry) attribute);
            }
        } catch (RuntimeException e) {
            // the request goes on without trace ids
        }
    }

    /**
     * The caller as the container knows it once the response is complete: its principal, or, for Open Liberty's
     * 403 of a BASIC caller (whose principal Liberty hides once an error status is set), the user name of the
     * credentials it accepted.
     */
    private static String caller(HttpServletRequest request, int status) {
        Principal user = request.getUserPrincipal();
        if (user != null) {
            return user.getName();
        }
        if (status == 403 && HttpServletRequest.BASIC_AUTH.equals(request.getAuthType())) {
            return BasicCredentials.user(request.getHeader("Authorization"));
        }
        return null;
    }

    /** The server's responses, found with the first request; says once when it has none for the module. */
    private ServerResponses serverResponses(ServletRequest request) {
        ServerResponses found = responses;
        if (found == null) {
            synchronized (this) {
                found = responses;
                if (found == null) {
                    found = ServerResponses.detect(request);
                    responses = found;
                    if (found == ServerResponses.NONE) {
                        DIAGNOSTICS.warning("TCDI0008W: telemetry-cdi cannot reach the response of a request from a"
                                + " request listener on this server (request class " + request.getClass().getName()
                                + "): requests its web security refuses (401, 403, the login page) get no"
                                + " request_completed line and no X-Request-ID. Supported: Open Liberty and WildFly.");
                    }
                }
            }
        }
        return found;
    }
}
