package dev.telemetrycdi.internal.client;

import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.work.Work;
import dev.telemetrycdi.internal.work.WorkKind;

import java.net.URI;

/**
 * One outbound HTTP call and its one {@code http_client_request} line. The client request filter starts it with
 * what the line needs from the request (method, address, path, the calling thread's context, the start time); the
 * first of a response or a failure without one ends it and writes the line; later ends do nothing.
 *
 * <p>Internal API: may change without notice. Thread-safe: a call may start on one thread and end on another.
 */
public final class ClientCall {
    /** The request property that holds the call while it is under way. */
    public static final String PROPERTY = ClientCall.class.getName();
    static final String LOGGER = "dev.telemetrycdi.client";
    /** An outbound call as a unit of work: one line, {@code http_client_request}, whatever the outcome. */
    static final WorkKind KIND = new WorkKind(LOGGER, null, FieldNames.EVENT_HTTP_CLIENT_REQUEST,
            FieldNames.EVENT_HTTP_CLIENT_REQUEST);

    private volatile Started started;

    /**
     * The call to start for a request whose {@link #PROPERTY} holds {@code property}: that call if it is one not
     * started yet (prepared by the application's wrapper), otherwise a new one, so that each call starts only once.
     */
    public static ClientCall preparedOrNew(Object property) {
        if (property instanceof ClientCall && ((ClientCall) property).started == null) {
            return (ClientCall) property;
        }
        return new ClientCall();
    }

    /** Starts the call now, in {@code context} (the fields of the thread that makes the call). */
    public void start(String method, URI uri, Fields context) {
        started = new Started(method, uri, context);
    }

    /** Ends the call with the response's status and writes its line, unless it has ended already. */
    public void responded(int status) {
        end(status, null);
    }

    /**
     * Ends the call with a failure that left it without a response (connection refused, timeout, a filter that
     * threw) and writes its line, unless the call has not started or has ended already (with a response, say).
     */
    public void failed(Throwable failure) {
        end(-1, failure);
    }

    private void end(int status, Throwable failure) {
        Started call = started;
        if (call == null || !call.markEnded()) {
            return;
        }
        double durationMs = call.durationMs();
        Fields fields = failure == null
                ? ClientLine.responded(call.method, call.uri, status, durationMs)
                : ClientLine.failed(call.method, call.uri, failure, durationMs);
        call.completed(call.context, ClientLine.levelOf(status), fields);
    }

    /** The call from its start: what its line needs of the request, and the unit of work's time and end. */
    private static final class Started extends Work {
        final String method;
        final URI uri;
        final Fields context;

        Started(String method, URI uri, Fields context) {
            super(KIND);
            this.method = method;
            this.uri = uri;
            this.context = context;
        }
    }
}
