package dev.telemetrycdi.internal.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.servlet.spec.HttpServletRequestImpl;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * WildFly (Undertow): the response of the request the current thread serves, from Undertow's public
 * {@link ServletRequestContext}; the request's telemetry kept as an attachment of the exchange (a FORM login's
 * forward clears the request's attributes); a header kept through a reset with a response commit listener.
 * Loaded only where Undertow's classes are visible ({@link ServerResponses#detect}).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class UndertowResponses implements ServerResponses {
    private static final AttachmentKey<RequestTelemetry> TELEMETRY = AttachmentKey.create(RequestTelemetry.class);

    @Override
    public void attach(ServletRequest request, RequestTelemetry telemetry) {
        HttpServerExchange exchange = exchangeOf(request);
        if (exchange != null) {
            exchange.putAttachment(TELEMETRY, telemetry);
        }
    }

    @Override
    public RequestTelemetry attached(ServletRequest request) {
        HttpServerExchange exchange = exchangeOf(request);
        return exchange == null ? null : exchange.getAttachment(TELEMETRY);
    }

    private static HttpServerExchange exchangeOf(ServletRequest request) {
        try {
            if (request instanceof HttpServletRequestImpl) {
                return ((HttpServletRequestImpl) request).getExchange();
            }
            ServletRequestContext context = ServletRequestContext.current();
            return context == null ? null : context.getExchange();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    @Override
    public HttpServletResponse responseOf(ServletRequest request) {
        try {
            ServletRequestContext context = ServletRequestContext.current();
            if (context == null || context.getOriginalRequest() != request && context.getServletRequest() != request) {
                return null;
            }
            return context.getOriginalResponse();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Puts the header back right before the response is committed, if a reset removed it. */
    @Override
    public void keepHeader(ServletRequest request, String name, String value) {
        HttpServerExchange exchange = exchangeOf(request);
        if (exchange == null) {
            return;
        }
        try {
            HttpString header = HttpString.tryFromString(name);
            exchange.addResponseCommitListener(committing -> {
                if (!committing.getResponseHeaders().contains(header)) {
                    committing.getResponseHeaders().put(header, value);
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // the header is lost if the container resets the response
        }
    }

    @Override
    public String toString() {
        return "Undertow";
    }
}
