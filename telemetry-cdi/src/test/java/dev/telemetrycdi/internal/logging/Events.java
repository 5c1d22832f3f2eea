package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;

/** Log events for tests. */
final class Events {
    /** 2026-01-20T14:32:15.123Z */
    static final long MILLIS = 1_768_919_535_123L;

    private Events() {
    }

    static LogEvent event(String name, Fields context, Fields fields) {
        return new LogEvent(MILLIS, LogLevel.INFO, "com.acme.Api", name, context, fields, null);
    }

    static LogEvent event(String name, Object... keyValues) {
        return event(name, Fields.EMPTY, Fields.of(keyValues));
    }

    static String json(LogEvent event) {
        StringBuilder out = new StringBuilder();
        new JsonLineFormat().format(event, out);
        return out.toString();
    }

    static String pretty(LogEvent event, boolean colors) {
        StringBuilder out = new StringBuilder();
        new PrettyLineFormat(colors).format(event, out);
        return out.toString();
    }
}
