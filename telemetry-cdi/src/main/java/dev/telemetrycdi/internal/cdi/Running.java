package dev.telemetrycdi.internal.cdi;

import dev.telemetrycdi.TelemetrySettings;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import jakarta.enterprise.inject.spi.CDI;

/**
 * What every feature needs to know about the running module, built once when the application starts and never
 * changed: whether it runs, which optional parts the server allows, and where it opens spans. Features get it by
 * injection ({@code @Inject Running}); {@link #OFF} while the module is disabled or could not start.
 *
 * <p>Internal API: may change without notice. Immutable.
 *
 * @param settings     the effective settings; null only in {@link #OFF}
 * @param capabilities which optional parts of the module the server's APIs allow
 * @param spans        where the module opens its own spans and propagates trace context: {@link SpanAccess#NONE}
 *                     unless the application's OpenTelemetry SDK runs
 * @param active       whether the module runs (enabled and started)
 */
public record Running(TelemetrySettings settings, Capabilities capabilities, SpanAccess spans, boolean active) {
    /** The module does not run: nothing is bound, logged or traced. */
    public static final Running OFF = new Running(null, Capabilities.ALL, SpanAccess.NONE, false);

    /** The running module with {@code capabilities} and {@code spans}. */
    public static Running on(TelemetrySettings settings, Capabilities capabilities, SpanAccess spans) {
        return new Running(settings, capabilities, spans, true);
    }

    /** Whether the module runs and the server offers {@code capability}. */
    public boolean has(Capability capability) {
        return active && capabilities.has(capability);
    }

    /**
     * The running module of the application whose thread calls, through its CDI container, for the module's
     * static entry points at set-up time (wrapping an executor or a listener, a configurator made by the server);
     * {@link #OFF} outside a thread of the application. Never on the path of a request, task or message.
     */
    public static Running lookup() {
        try {
            return CDI.current().select(Running.class).get();
        } catch (RuntimeException | LinkageError e) {
            return OFF;
        }
    }
}
