package dev.telemetrycdi.internal.cdi;

import dev.telemetrycdi.TelemetrySettings;
import dev.telemetrycdi.internal.config.SettingReader;
import dev.telemetrycdi.internal.config.SettingsLoader;
import dev.telemetrycdi.internal.http.HttpTelemetry;
import dev.telemetrycdi.internal.http.TelemetryServletInitializer;
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
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.List;
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
    private volatile Capabilities capabilities = Capabilities.ALL;
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
        try {
            TelemetryServletInitializer.report(applicationStarted, OptionalApiExtension.hooksOf(beans));
        } catch (RuntimeException | LinkageError e) {
            // the report is a courtesy: the module starts without it
        }
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
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        capabilities = OptionalApiExtension.of(beans, application);
        SettingsLoader.Result loaded = SettingsLoader.load(key -> config.getOptionalValue(key, String.class));
        loaded.problems().forEach(DIAGNOSTICS::warning);
        TelemetrySettings current = loaded.settings();
        if (!current.enabled()) {
            LoggingSession.announceDisabled(current);
            settings = current;
            return;
        }
        SpanAccess spans = SpanAccess.of(capabilities.has(Capability.TRACING), beans);
        TracingSwitch tracing = TracingConfigSource.readSwitch(application);
        tracing.problems().forEach(DIAGNOSTICS::warning);
        // Only an application whose SDK runs correlates with spans (opted in, or otel.sdk.disabled=false set
        // explicitly): WildFly creates spans even when the application's tracing is off, and lines must not carry
        // trace ids of a trace that goes nowhere.
        boolean sdkOn = tracing.active() || config.getOptionalValue(TracingSwitch.SDK_DISABLED, String.class)
                .flatMap(SettingReader::parseBoolean).map(disabled -> !disabled).orElse(false);
        SpanAccess traced = sdkOn ? spans : SpanAccess.NONE;
        logging = LoggingSession.open(current, traced, applicationName());
        http = new HttpTelemetry(new LabelExtractor(
                LabelRules.of(current.labelPrefix(), current.labelResources(), current.labelTags())), traced, spans,
                onWildFly(application));
        webSockets = new WebSocketTelemetry(new LabelExtractor(
                LabelRules.of(current.webSocketPrefix(), current.labelResources(), current.labelTags())),
                current.webSocketMessageSpans() ? traced : SpanAccess.NONE);
        tracingSpans = traced;
        settings = current;
        HookReport hooks = OptionalApiExtension.hooksOf(beans);
        logging.announceInitialized(capabilities.off(), hooks);
        for (String missed : hooks.missed()) {
            DIAGNOSTICS.warning("TCDI0009W: telemetry-cdi could not hook " + missed + ".");
        }
        String off = capabilities.offMessage();
        if (off != null) {
            DIAGNOSTICS.info(off);
        }
        logging.announceTracing(tracing, spans != SpanAccess.NONE);
        if (tracing.active()) {
            metrics = openSystemMetrics(spans);
            warnOfIgnoredHeaders(application);
        }
    }

    /**
     * WildFly 39's exporter (SmallRye OpenTelemetry's Vert.x sender) sends no {@code otel.exporter.otlp.headers}: say
     * so once instead of letting authenticated exports fail without a word.
     */
    private void warnOfIgnoredHeaders(ClassLoader application) {
        boolean headers = config.getOptionalValue(TracingSwitch.HEADERS, String.class).filter(v -> !v.isBlank())
                .isPresent();
        if (headers && onWildFly(application)) {
            DIAGNOSTICS.warning("TCDI0006W: otel.exporter.otlp.headers (OTEL_EXPORTER_OTLP_HEADERS) is set, but"
                    + " WildFly's OpenTelemetry exporter does not send export headers: spans go to the endpoint"
                    + " without them. Let a local OpenTelemetry Collector add the authentication instead.");
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

    /** The application's name ({@code java:app/AppName}), or null outside a Jakarta EE naming context. */
    private static String applicationName() {
        try {
            Object name = new javax.naming.InitialContext().lookup("java:app/AppName");
            return name == null ? null : name.toString();
        } catch (javax.naming.NamingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The runtime of the application whose thread calls, for the module's static entry points
     * ({@code TelemetryMessages}, wrapped executors, the WebSocket configurator); null outside such a thread or
     * without CDI.
     */
    public static TelemetryRuntime lookup() {
        try {
            return CDI.current().select(TelemetryRuntime.class).get();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** WildFly (JBoss Modules) loads the application: its spans start in JAX-RS filters, and it drops export headers. */
    private static boolean onWildFly(ClassLoader application) {
        return application != null && application.getClass().getName().startsWith("org.jboss.modules.");
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

    /**
     * Says what the module hooked once the application had started ({@code telemetry_hooked}): WildFly's WebSocket
     * endpoints that the application adds in a listener, after {@code telemetry_initialized}. Nothing while the
     * module does not run.
     */
    public synchronized void hookedLate(List<String> hooked) {
        LoggingSession session = logging;
        if (session != null && !hooked.isEmpty()) {
            session.announceHooked(hooked);
        }
    }

    /** The WebSocket connection telemetry, or null while the module is disabled, not yet started or stopped. */
    public WebSocketTelemetry webSockets() {
        return webSockets;
    }

    /**
     * Where the module opens its own spans (background tasks, messages) and propagates trace context:
     * {@link SpanAccess#NONE} unless the module runs and the application's OpenTelemetry SDK runs.
     */
    public SpanAccess tracingSpans() {
        return tracingSpans;
    }

    /** Which optional parts of the module the server's APIs allow; all of them until the module has started. */
    public Capabilities capabilities() {
        return capabilities;
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
