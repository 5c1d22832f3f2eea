package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.logging.Level;

/**
 * Says once when one signal's exports to the collector start failing, and once when they are delivered again: the
 * exporter's own failures (connection refused, a collector that never answers until the export times out, an
 * error status) do not reach the application, whose requests are served as usual, and what could not be delivered is
 * dropped by the SDK; without this the only trace of an outage would be the SDK's own messages, one per failed batch.
 *
 * <p>{@code TCDI0013W} at the first failure of an outage, {@code TCDI0014I} at the first success after it; nothing in
 * between. The collector is named by its scheme, host and port only (an endpoint's user information or path could
 * carry a secret).
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
final class ExportOutcomes {
    private static final java.util.logging.Logger DIAGNOSTICS = java.util.logging.Logger.getLogger("dev.telemetrycdi");

    private final String signal;
    private final String collector;
    private final BiConsumer<Level, String> say;
    private final AtomicBoolean failing = new AtomicBoolean();

    ExportOutcomes(String signal, String endpoint, BiConsumer<Level, String> say) {
        this.signal = signal;
        this.collector = collector(endpoint);
        this.say = say;
    }

    /** Reports through the module's diagnostics logger ({@code dev.telemetrycdi}, the server's log). */
    static ExportOutcomes reported(String signal, String endpoint) {
        return new ExportOutcomes(signal, endpoint, DIAGNOSTICS::log);
    }

    /** Watches one export's result; returns it unchanged. */
    CompletableResultCode watch(CompletableResultCode result) {
        try {
            result.whenComplete(() -> completed(result));
        } catch (RuntimeException e) {
            // the result is the exporter's: its outcome is then simply not watched
        }
        return result;
    }

    private void completed(CompletableResultCode result) {
        try {
            if (result.isSuccess()) {
                if (failing.compareAndSet(true, false)) {
                    say.accept(Level.INFO, "TCDI0014I: telemetry-cdi: the " + signal + " reach the collector ("
                            + collector + ") again.");
                }
            } else if (failing.compareAndSet(false, true)) {
                Throwable cause = result.getFailureThrowable();
                say.accept(Level.WARNING, "TCDI0013W: telemetry-cdi: exporting " + signal + " to the collector ("
                        + collector + ") failed" + (cause == null ? "" : " (" + cause.getClass().getName() + ")")
                        + ". The application is served as usual; " + signal + " that cannot be delivered are"
                        + " dropped. Said once: TCDI0014I says when they are delivered again. Check that the collector"
                        + " runs and listens at otel.exporter.otlp.endpoint.");
            }
        } catch (RuntimeException e) {
            // never into the exporter's thread
        }
    }

    /** Scheme, host and port of {@code endpoint}; "the configured endpoint" when it is no URI. */
    static String collector(String endpoint) {
        try {
            URI uri = URI.create(endpoint == null ? "" : endpoint.trim());
            if (uri.getHost() == null) {
                return "the configured endpoint";
            }
            return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "the configured endpoint";
        }
    }
}
