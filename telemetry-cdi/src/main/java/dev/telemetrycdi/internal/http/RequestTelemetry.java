package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;

/**
 * What the module knows about one HTTP request while it runs: its id, timing, the route once JAX-RS matched it,
 * and the context fields bound for it. Created by the servlet filter, enriched by the JAX-RS filter, finished
 * exactly once by {@link HttpTelemetry#complete}.
 *
 * <p>Internal API: may change without notice. Confined to the request; {@link #complete} may run on another
 * thread for asynchronous requests, after the request thread handed the object over.
 */
public final class RequestTelemetry {
    /** The request attribute (and JAX-RS property) under which the servlet filter stores this object. */
    public static final String ATTRIBUTE = RequestTelemetry.class.getName();

    private final HttpTelemetry owner;
    private final String id;
    private final String method;
    private final String urlPath;
    private final String appPath;
    private final long startNanos;
    private volatile Fields context;
    private volatile String route;
    private volatile Throwable escaped;
    private ContextStorage.Scope scope;
    private boolean completed;

    RequestTelemetry(HttpTelemetry owner, String id, String method, String urlPath, String appPath, Fields context) {
        this.owner = owner;
        this.id = id;
        this.method = method;
        this.urlPath = urlPath;
        this.appPath = appPath;
        this.context = context;
        this.startNanos = System.nanoTime();
    }

    public String id() {
        return id;
    }

    String method() {
        return method;
    }

    String urlPath() {
        return urlPath;
    }

    /** The request path relative to the context root. */
    String appPath() {
        return appPath;
    }

    long startNanos() {
        return startNanos;
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

    HttpTelemetry owner() {
        return owner;
    }

    /** Binds this request's context on the current thread until {@link #unbind()}. */
    void bind() {
        scope = ContextStorage.attach(context);
    }

    void unbind() {
        if (scope != null) {
            scope.close();
        }
    }

    /** Records the matched route and replaces the labels with those of the route's template. */
    void matched(String template, Fields labels) {
        route = template;
        Fields updated = context;
        if (!labels.isEmpty()) {
            updated = withoutLabels(updated).withAll(labels);
        }
        update(updated);
    }

    /** Sets {@code user.id} if the request did not have one yet. */
    void user(String userId) {
        if (userId != null && context.get(FieldNames.USER_ID) == null) {
            update(context.with(FieldNames.USER_ID, userId));
        }
    }

    private void update(Fields updated) {
        Fields previous = context;
        context = updated;
        if (scope != null) {
            scope.update(rebase(ContextStorage.current(), previous, updated));
        }
    }

    /**
     * The thread's context with this request's previous fields replaced by its updated ones: whatever else is bound
     * on the thread (e.g. by an application filter further down the chain) stays.
     */
    static Fields rebase(Fields thread, Fields previous, Fields updated) {
        Fields result = thread;
        for (int i = 0; i < previous.size(); i++) {
            if (updated.indexOf(previous.key(i)) < 0) {
                result = result.without(previous.key(i));
            }
        }
        return result.withAll(updated);
    }

    /** True the first time only: guards the one {@code request_completed} line. */
    synchronized boolean markCompleted() {
        if (completed) {
            return false;
        }
        completed = true;
        return true;
    }

    private static Fields withoutLabels(Fields fields) {
        Fields result = Fields.EMPTY;
        for (int i = 0; i < fields.size(); i++) {
            String key = fields.key(i);
            if (!key.equals(FieldNames.LABELS) && !(key.endsWith(FieldNames.ID_SUFFIX)
                    && !key.equals(FieldNames.REQUEST_ID) && !key.equals(FieldNames.USER_ID))) {
                result = result.with(key, fields.value(i));
            }
        }
        return result;
    }
}
