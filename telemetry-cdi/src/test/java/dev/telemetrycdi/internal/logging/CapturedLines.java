package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A pipeline that keeps every line at or above its threshold; {@link #activate()} makes it the running one. */
public final class CapturedLines implements LogPipeline, AutoCloseable {
    public final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final LogLevel threshold;

    public CapturedLines(LogLevel threshold) {
        this.threshold = threshold;
    }

    /** Makes this the application's pipeline until {@link #close()}. */
    public CapturedLines activate() {
        LogRouter.activate(this);
        return this;
    }

    @Override
    public boolean isEnabled(LogLevel level) {
        return level.isAtLeast(threshold);
    }

    @Override
    public void publish(LogEvent event) {
        events.add(event);
    }

    /** The lines with this event name. */
    public List<LogEvent> named(String event) {
        return events.stream().filter(each -> each.event().equals(event)).toList();
    }

    /** The one line written, failing if there is not exactly one. */
    public LogEvent single() {
        if (events.size() != 1) {
            throw new AssertionError("expected one line, got " + events.size() + ": " + events);
        }
        return events.get(0);
    }

    @Override
    public void close() {
        LogRouter.deactivate(this);
    }
}
