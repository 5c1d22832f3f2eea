package dev.telemetrycdi;

import dev.telemetrycdi.internal.client.ClientCall;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.context.RequestIds;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.client.Invocation;

import java.util.function.Function;

/**
 * Telemetry of the calls a JAX-RS client makes: forwards the current request's {@code request.id} as
 * {@code X-Request-ID} (unless the call sets its own) and writes one {@code http_client_request} line per call,
 * with {@code http.request.method}, {@code server.address}, {@code server.port}, {@code url.path} (never the
 * query), {@code http.response.status_code} and {@code duration_ms}, carrying the context of the thread that made
 * the call. Level {@code info} for a status below 400, {@code warning} otherwise.
 *
 * <pre>{@code
 * Client client = ClientBuilder.newBuilder().register(TelemetryClientFilter.class).build();
 * Invocation.Builder request = client.target(steamUrl).path("IDOTA2Match_570/GetMatchDetails/v1/")
 *         .queryParam("match_id", 7).request(MediaType.APPLICATION_JSON);
 *
 * Response response = TelemetryClientFilter.call(request, Invocation.Builder::get);
 * }</pre>
 *
 * <p>A call that ends without a response (connection refused, timeout, unknown host) never reaches a client
 * response filter. Its line, with {@code error.type} (the exception's class) instead of a status, is written only
 * when the call is made through {@link #call}; {@code request.get()} without it logs every answered call, but not
 * those. For a MicroProfile Rest Client, register the filter with
 * {@code @RegisterProvider(TelemetryClientFilter.class)}; there the calls without a response are not logged.
 *
 * <p>Thread-safe: one instance may serve any number of clients and calls. Never throws: a problem of the telemetry
 * leaves the call as it was. The context is read on the thread that runs the client's request filters: the calling
 * thread for synchronous calls; for {@code async()} and {@code rx()} calls, that may be a client thread without
 * the request's context.
 */
@ConstrainedTo(RuntimeType.CLIENT)
@Priority(Priorities.USER + 1000)
public final class TelemetryClientFilter implements ClientRequestFilter, ClientResponseFilter {

    /**
     * Makes a call with {@code send} (for example {@code Invocation.Builder::get} or
     * {@code r -> r.post(entity, Match.class)}) and, if it throws before any response arrived, writes the call's
     * {@code http_client_request} line with {@code error.type}. The exception is rethrown unchanged. The client
     * must have this filter registered; without it, nothing is written.
     */
    public static <T> T call(Invocation.Builder request, Function<? super Invocation.Builder, T> send) {
        ClientCall call = new ClientCall();
        try {
            request.property(ClientCall.PROPERTY, call);
        } catch (RuntimeException e) {
            // a builder that takes no properties: the filter logs answered calls on its own
        }
        try {
            return send.apply(request);
        } catch (RuntimeException e) {
            call.failed(e);
            throw e;
        }
    }

    /** Request side: forwards {@code X-Request-ID} and starts the call's clock. */
    @Override
    public void filter(ClientRequestContext request) {
        try {
            Fields context = ContextStorage.current();
            Object requestId = context.get(FieldNames.REQUEST_ID);
            if (requestId instanceof String && request.getHeaderString(RequestIds.HEADER) == null) {
                request.getHeaders().putSingle(RequestIds.HEADER, requestId);
            }
            ClientCall call = ClientCall.preparedOrNew(request.getProperty(ClientCall.PROPERTY));
            call.start(request.getMethod(), request.getUri(), context);
            request.setProperty(ClientCall.PROPERTY, call);
        } catch (RuntimeException e) {
            // telemetry never breaks a call
        }
    }

    /** Response side: writes the call's line with the response's status. */
    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        try {
            Object call = request.getProperty(ClientCall.PROPERTY);
            if (call instanceof ClientCall) {
                ((ClientCall) call).responded(response.getStatus());
            }
        } catch (RuntimeException e) {
            // telemetry never breaks a call
        }
    }
}
