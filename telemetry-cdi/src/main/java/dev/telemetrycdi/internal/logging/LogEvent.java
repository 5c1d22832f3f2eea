package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;

/**
 * One log line, captured on the thread that logged it: everything a formatter needs, nothing that changes
 * later. The context is the snapshot bound when the line was written; {@code fields} are the event's own
 * key/values, which win over a context field of the same name.
 *
 * <p>Internal API: may change without notice. Immutable.
 */
public final class LogEvent {
    private final long epochMillis;
    private final LogLevel level;
    private final String logger;
    private final String event;
    private final Fields context;
    private final Fields fields;
    private final Throwable thrown;

    public LogEvent(long epochMillis, LogLevel level, String logger, String event,
                    Fields context, Fields fields, Throwable thrown) {
        this.epochMillis = epochMillis;
        this.level = level;
        this.logger = logger;
        this.event = event == null ? "" : event;
        this.context = context == null ? Fields.EMPTY : context;
        this.fields = fields == null ? Fields.EMPTY : fields;
        this.thrown = thrown;
    }

    public long epochMillis() {
        return epochMillis;
    }

    public LogLevel level() {
        return level;
    }

    /** The logger (category) name, may be null. */
    public String logger() {
        return logger;
    }

    public String event() {
        return event;
    }

    public Fields context() {
        return context;
    }

    public Fields fields() {
        return fields;
    }

    /** The exception logged with the line, or null. */
    public Throwable thrown() {
        return thrown;
    }
}
