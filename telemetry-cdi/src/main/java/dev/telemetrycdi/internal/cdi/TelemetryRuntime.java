package dev.telemetrycdi.internal.cdi;

import dev.telemetrycdi.TelemetrySettings;
import dev.telemetrycdi.internal.config.SettingsLoader;
import dev.telemetrycdi.internal.http.HttpTelemetry;
import dev.telemetrycdi.internal.labels.LabelExtractor;
import dev.telemetrycdi.internal.labels.LabelRules;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.tracing.TracingConfigSource;
import dev.telemetrycdi.internal.tracing.TracingSwitch;
import dev.telemetrycdi.internal.websocket.WebSocketTelemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The module's lifecycle in one application: reads the settings once when the application starts, starts the
 * logging (or says once that telemetry is disabled), and stops it in reverse order when the application stops.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@ApplicationScoped
public class TelemetryRuntime {
    static final Logger DIAGNOSTICS = Logger.getLogger("dev.telemetrycdi");

    private final Config config;
    private final BeanManager beans;
    private volatile TelemetrySettings settings;
    private volatile HttpTelemetry http;
    private volatile WebSocketTelemetry webSockets;
    private volatile SpanAccess tracingSpans = SpanAccess.NONE;
    private LoggingSession logging;
    private AutoCloseable metrics;
    private boolean attempted;

    @Inject
    public TelemetryRuntime(Config config, BeanManager beans) {
        this.config = config;
        this.beans = beans;
    }

    /** For the CDI proxy only. */
    protected TelemetryRuntime() {
        this.config = null;
        this.beans = null;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        start();
    }

    /** Starts once; a failure leaves the application running without the module and says so once. */
    synchronized void start() {
        if (attempted) {
            return;
        }
        attempted = true;
        try {
            startModule();
        } catch (RuntimeException | LinkageError e) {
            DIAGNOSTICS.log(Level.SEVERE, "TCDI0005E: telemetry-cdi could not start (" + e + "); the application"
                    + " runs without it. Please report this with the stack trace.", e);
            stop();
        }
    }

    private void startModule() {
        SettingsLoader.Result loaded = SettingsLoader.load(key -> config.getOptionalValue(key, String.class));
        loaded.problems().forEach(DIAGNOSTICS::warning);
        TelemetrySettings current = loaded.settings();
        if (!current.enabled()) {
            LoggingSession.announceDisabled(current);
            settings = current;
            return;
        }
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        SpanAccess spans = SpanAccess.detect(application, beans);
        TracingSwitch tracing = TracingConfigSource.readSwitch(application);
        tracing.problems().forEach(DIAGNOSTICS::warning);
        logging = LoggingSession.open(current, spans);
        http = new HttpTelemetry(new LabelExtractor(
                LabelRules.of(current.labelPrefix(), current.labelResources(), current.labelTags())), spans);
        webSockets = new WebSocketTelemetry(new LabelExtractor(
                LabelRules.of(current.webSocketPrefix(), current.labelResources(), current.labelTags())),
                current.webSocketMessageSpans() && tracing.active() ? spans : SpanAccess.NONE);
        tracingSpans = tracing.active() ? spans : SpanAccess.NONE;
        settings = current;
        logging.announceInitialized();
        logging.announceTracing(tracing, spans != SpanAccess.NONE);
        if (tracing.active()) {
            metrics = openSystemMetrics(spans);
        }
    }

    private AutoCloseable openSystemMetrics(SpanAccess spans) {
        try {
            return spans.openSystemMetrics(beans);
        } catch (RuntimeException | LinkageError e) {
            DIAGNOSTICS.warning("TCDI0004W: System metrics are not exported: the runtime offers no OpenTelemetry"
                    + " meter to the application (" + e + "). Tracing is unaffected.");
            return null;
        }
    }

    @PreDestroy
    synchronized void stop() {
        http = null;
        webSockets = null;
        tracingSpans = SpanAccess.NONE;
        if (metrics != null) {
            try {
                metrics.close();
            } catch (Exception e) {
                // stopping anyway
            }
            metrics = null;
        }
        if (logging != null) {
            logging.close();
            logging = null;
        }
    }

    /** The HTTP request telemetry, or null while the module is disabled, not yet started or stopped. */
    public HttpTelemetry http() {
        return http;
    }

    /** The WebSocket connection telemetry, or null while the module is disabled, not yet started or stopped. */
    public WebSocketTelemetry webSockets() {
        return webSockets;
    }

    /**
     * Where the module opens its own spans (background tasks, messages) and propagates trace context:
     * {@link SpanAccess#NONE} unless the module runs and tracing is on.
     */
    public SpanAccess tracingSpans() {
        return tracingSpans;
    }

    /** Whether the module is running (enabled and started). */
    public boolean isActive() {
        return http != null;
    }

    /** The effective settings, for injection into the application. */
    @Produces
    TelemetrySettings settings() {
        start();
        return settings;
    }
}
