package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.work.Work;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the module knows about one HTTP request while it runs: its id, timing, the route once JAX-RS matched it,
 * and the context fields bound for it, what the container's response and security said. Created by
 * {@link TelemetryRequestListener} (or, where it cannot, by the servlet filter), entered by the servlet filter,
 * enriched by the JAX-RS filters, finished exactly once by {@link HttpTelemetry#complete}. It is a {@link Work} of
 * {@link HttpTelemetry#KIND}: its start time, its once-only end and its closing lines are the unit of work's.
 *
 * <p>Internal API: may change without notice. Confined to the request; {@link HttpTelemetry#complete} may run on another
 * thread for asynchronous requests, after the request thread handed the object over.
 */
public final class RequestTelemetry extends Work {
    /** The request attribute (and JAX-RS property) under which the listener or the servlet filter stores it. */
    public static final String ATTRIBUTE = RequestTelemetry.class.getName();

    private final HttpTelemetry owner;
    private final String id;
    private final String method;
    private final String uri;
    private final int appStart;
    private volatile Fields context;
    private volatile String route;
    private volatile Throwable escaped;
    private volatile Throwable thrown;
    private volatile boolean awaitingFilter;
    private volatile boolean async;
    private volatile boolean mappingLabelled;
    private volatile HttpServletResponse response;
    private volatile ServerResponses server = ServerResponses.NONE;
    private ContextStorage.Scope scope;

    RequestTelemetry(HttpTelemetry owner, String id, String method, String uri, int appStart, Fields context) {
        super(HttpTelemetry.KIND);
        this.owner = owner;
        this.id = id;
        this.method = method;
        this.uri = uri;
        this.appStart = appStart;
        this.context = context;
    }

    public String id() {
        return id;
    }

    String method() {
        return method;
    }

    /** The raw request URI, context path included ({@code url.path}). */
    String uri() {
        return uri;
    }

    /** The request path relative to the context root (a new string: call it rarely). */
    String appPath() {
        return uri.substring(appStart);
    }

    Fields context() {
        return context;
    }

    String route() {
        return route;
    }

    /** The last exception that escaped a resource method, or null. */
    Throwable escaped() {
        return escaped;
    }

    /** Records an exception that escaped a resource method (whether or not a mapper answers it). */
    void escaped(Throwable thrown) {
        escaped = thrown;
    }

    /** Records an exception that escaped the application's filter chain, whatever the container made of it. */
    void thrown(Throwable failure) {
        thrown = failure;
    }

    /** The exception that escaped the application's filter chain, or null. */
    Throwable thrown() {
        return thrown;
    }

    /**
     * Marks a request started before the container's security (by {@link TelemetryRequestListener}): until
     * {@link #enteredApplication} it has not reached the application's filters.
     */
    void awaitFilter() {
        awaitingFilter = true;
    }

    /** The response the container sends for this request, found through {@code server} when the request started. */
    void respondsWith(HttpServletResponse response, ServerResponses server) {
        this.response = response;
        this.server = server;
    }

    /** The server's responses, as the listener found them ({@link ServerResponses#NONE} if it did not start it). */
    ServerResponses server() {
        return server;
    }

    /** The request runs the application's filter chain; {@code response} is its response there. */
    public void enteredApplication(HttpServletResponse response) {
        if (this.response == null) {
            this.response = response;
        }
        awaitingFilter = false;
    }

    /** Whether the request ran the application's filter chain (false for one the container answered itself). */
    boolean reachedApplication() {
        return !awaitingFilter;
    }

    /** The container's response of this request (from the listener, else as the servlet filter saw it), or null. */
    HttpServletResponse response() {
        return response;
    }

    /** The request went asynchronous: its closing line is written when the container completes it. */
    void goneAsync() {
        async = true;
    }

    boolean isAsync() {
        return async;
    }

    HttpTelemetry owner() {
        return owner;
    }

    /**
     * Binds this request's context on the current thread until the returned scope is closed; while it is open, the
     * request's later fields (route, user, trace) go into it.
     */
    public ContextStorage.Scope bind() {
        ContextStorage.Scope bound = ContextStorage.attach(context);
        scope = bound;
        return bound;
    }

    /**
     * Records the matched route and replaces the labels with those of the route's template; labels of the servlet
     * mapping (the JAX-RS servlet's own, such as {@code /api/*}) go even when the template gives none.
     */
    void matched(String template, Fields labels) {
        route = template;
        if (!labels.isEmpty() ? !sameLabels(context, labels) : mappingLabelled) {
            update(withoutLabels(context).withAll(labels));
        }
        mappingLabelled = false;
    }

    /** Whether the request's context holds any label field. */
    boolean hasLabels() {
        return context.indexOf(FieldNames.LABELS) >= 0;
    }

    /** Adds the labels of the request's servlet mapping. */
    void mappingLabels(Fields labels) {
        if (!labels.isEmpty()) {
            update(context.withAll(labels));
            mappingLabelled = true;
        }
    }

    /** Whether {@code context} holds exactly {@code labels} as its label fields (the usual case: path = route). */
    private static boolean sameLabels(Fields context, Fields labels) {
        int labelFields = 0;
        for (int i = 0; i < context.size(); i++) {
            labelFields += isLabelField(context.key(i)) ? 1 : 0;
        }
        return labelFields == labels.size() && context.containsAll(labels);
    }

    private static boolean isLabelField(String key) {
        return key.equals(FieldNames.LABELS) || (key.endsWith(FieldNames.ID_SUFFIX)
                && !key.equals(FieldNames.REQUEST_ID) && !key.equals(FieldNames.USER_ID));
    }

    /** Adds the span's correlation fields, unless the request already has a trace. */
    void traced(Fields correlation) {
        if (!correlation.isEmpty() && context.indexOf(FieldNames.TRACE_ID) < 0) {
            update(context.withAll(correlation));
        }
    }

    /** The request's {@code user.id}, or null. */
    String user() {
        Object user = context.get(FieldNames.USER_ID);
        return user == null ? null : user.toString();
    }

    /** Sets {@code user.id} if the request did not have one yet. */
    void user(String userId) {
        if (userId != null && context.get(FieldNames.USER_ID) == null) {
            update(context.with(FieldNames.USER_ID, userId));
        }
    }

    /**
     * The request's context is now {@code updated}: its scope, if bound, holds it from now on, under whatever the
     * application bound on top of it since (see {@link ContextStorage.Scope#update}).
     */
    private void update(Fields updated) {
        context = updated;
        if (scope != null) {
            scope.update(updated);
        }
    }

    private static Fields withoutLabels(Fields fields) {
        Fields.Builder result = Fields.builder(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            if (!isLabelField(fields.key(i))) {
                result.put(fields.key(i), fields.value(i));
            }
        }
        return result.build();
    }
}
