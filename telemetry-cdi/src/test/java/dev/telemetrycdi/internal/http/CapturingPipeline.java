package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.logging.LogPipeline;
import dev.telemetrycdi.internal.logging.LogRouter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A pipeline that keeps what it is given, made the active one while open. */
final class CapturingPipeline implements LogPipeline, AutoCloseable {
    final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final LogLevel threshold;

    CapturingPipeline(LogLevel threshold) {
        this.threshold = threshold;
        LogRouter.activate(this);
    }

    @Override
    public boolean isEnabled(LogLevel level) {
        return level.isAtLeast(threshold);
    }

    @Override
    public void publish(LogEvent event) {
        events.add(event);
    }

    List<LogEvent> named(String event) {
        return events.stream().filter(each -> each.event().equals(event)).toList();
    }

    @Override
    public void close() {
        LogRouter.deactivate(this);
    }
}
