package dev.telemetrycdi.internal.work;

/**
 * What one kind of unit of work (a task run, a message delivery, a job or step, an HTTP request, an outbound call,
 * a WebSocket connection) writes its lines as: its logger and the event names of its started, completed and failed
 * lines. Everything else that differs per kind (its context fields, the fields and level of its closing line) stays
 * with the feature and is handed to {@link Work} when the line is written.
 *
 * <pre>{@code
 * static final WorkKind TASK = new WorkKind("dev.telemetrycdi.task", "task_started", "task_completed", "task_failed");
 * try (WorkScope scope = WorkScope.bind(fields, () -> spans.openSpan(parent, name, Kind.INTERNAL, fields))) {
 *     return TASK.start().run(fields, body, null);
 * }
 * }</pre>
 *
 * <p>Internal API: may change without notice. Thread-safe (immutable).
 */
public final class WorkKind {
    private final String logger;
    private final String startedEvent;
    private final String completedEvent;
    private final String failedEvent;

    /**
     * @param startedEvent   the event of the started line, or null for a kind without one (its start shows in its
     *                       closing line only: a request, an outbound call)
     * @param completedEvent the event of the closing line of a unit that ended normally
     * @param failedEvent    the event of the line of a failure
     */
    public WorkKind(String logger, String startedEvent, String completedEvent, String failedEvent) {
        this.logger = logger;
        this.startedEvent = startedEvent;
        this.completedEvent = completedEvent;
        this.failedEvent = failedEvent;
    }

    /** A unit of this kind starting now (its start time is taken here; no line is written yet). */
    public Work start() {
        return new Work(this);
    }

    public String logger() {
        return logger;
    }

    String startedEvent() {
        return startedEvent;
    }

    String completedEvent() {
        return completedEvent;
    }

    String failedEvent() {
        return failedEvent;
    }

    @Override
    public String toString() {
        return completedEvent;
    }
}
