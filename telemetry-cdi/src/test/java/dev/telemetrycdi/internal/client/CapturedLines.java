package dev.telemetrycdi.internal.client;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.logging.LogPipeline;
import dev.telemetrycdi.internal.logging.LogRouter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The active pipeline while open, keeping every line at any level. */
final class CapturedLines implements LogPipeline, AutoCloseable {
    final List<LogEvent> events = new CopyOnWriteArrayList<>();

    CapturedLines() {
        LogRouter.activate(this);
    }

    @Override
    public boolean isEnabled(LogLevel level) {
        return true;
    }

    @Override
    public void publish(LogEvent event) {
        events.add(event);
    }

    /** The one line written, failing if there is not exactly one. */
    LogEvent single() {
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
