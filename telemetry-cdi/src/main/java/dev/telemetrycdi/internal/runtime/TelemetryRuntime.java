package dev.telemetrycdi.internal.runtime;

import dev.telemetrycdi.TelemetrySettings;
import dev.telemetrycdi.internal.cdi.Capabilities;
import dev.telemetrycdi.internal.cdi.Capability;
import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.settings.SettingReader;
import dev.telemetrycdi.internal.settings.SettingsLoader;
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
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The module's lifecycle in one application: reads the settings once when the application starts, builds what the
 * features need into one immutable {@link State} (published once, replaced by {@link State#OFF} when the application
 * stops), starts the logging (or says once that telemetry is disabled), and stops it in reverse order. Features get
 * their part by injection from the producers below ({@link Running}, {@link HttpTelemetry},
 * {@link WebSocketTelemetry}, {@link TelemetrySettings}); nothing in the features refers to this class.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@ApplicationScoped
public class TelemetryRuntime {
    static final Logger DIAGNOSTICS = Logger.getLogger("dev.telemetrycdi");

    private final Config config;
    private final BeanManager beans;
    private volatile State state = State.OFF;
    private boolean attempted;

    /**
     * Everything the running module consists of, built at once.
     *
     * @param http       the HTTP request telemetry; null while the module does not run
     * @param webSockets the WebSocket connection telemetry; null while the module does not run
     * @param logging    the output; null while the module does not run
     * @param metrics    the system metrics' registration; null without tracing
     */
    private record State(Running running, TelemetrySettings settings, HttpTelemetry http,
                         WebSocketTelemetry webSockets, LoggingSession logging, AutoCloseable metrics) {
        static final State OFF = new State(Running.OFF, null, null, null, null, null);
    }

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
        Capabilities capabilities = OptionalApiExtension.of(beans, application);
        SettingsLoader.Result loaded = SettingsLoader.load(key -> config.getOptionalValue(key, String.class));
        loaded.problems().forEach(DIAGNOSTICS::warning);
        TelemetrySettings current = loaded.settings();
        if (!current.enabled()) {
            LoggingSession.announceDisabled(current);
            state = new State(Running.OFF, current, null, null, null, null);
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
        // resolved here, on the application's thread: Open Liberty finds the application's OpenTelemetry by it
        OtlpLogs logs = OtlpLogs.decide(tracing, current,
                config.getOptionalValue(TracingSwitch.LOGS_EXPORTER, String.class),
                () -> spans.openLogRecords(beans, application));
        LoggingSession logging = LoggingSession.open(current, traced, applicationName(), logs.copy());
        try {
            HttpTelemetry http = new HttpTelemetry(new LabelExtractor(
                    LabelRules.of(current.labelPrefix(), current.labelResources(), current.labelTags())), traced,
                    spans, onWildFly(application));
            WebSocketTelemetry webSockets = new WebSocketTelemetry(new LabelExtractor(
                    LabelRules.of(current.webSocketPrefix(), current.labelResources(), current.labelTags())),
                    current.webSocketMessageSpans() ? traced : SpanAccess.NONE);
            HookReport hooks = OptionalApiExtension.hooksOf(beans);
            logging.announceInitialized(capabilities.off(), hooks);
            for (String missed : hooks.missed()) {
                DIAGNOSTICS.warning("TCDI0009W: telemetry-cdi could not hook " + missed + ".");
            }
            String off = capabilities.offMessage();
            if (off != null) {
                DIAGNOSTICS.info(off);
            }
            logging.announceTracing(tracing, spans != SpanAccess.NONE, logs);
            AutoCloseable metrics = null;
            if (tracing.active()) {
                metrics = openSystemMetrics(spans);
                warnOfIgnoredHeaders(application);
            }
            state = new State(Running.on(current, capabilities, traced), current, http, webSockets, logging,
                    metrics);
            hooks.onLate(logging::announceHooked);
        } catch (RuntimeException | LinkageError e) {
            logging.close();
            throw e;
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

    /** WildFly (JBoss Modules) loads the application: its spans start in JAX-RS filters, and it drops export headers. */
    private static boolean onWildFly(ClassLoader application) {
        return application != null && application.getClass().getName().startsWith("org.jboss.modules.");
    }

    @PreDestroy
    synchronized void stop() {
        State stopping = state;
        state = new State(Running.OFF, stopping.settings(), null, null, null, null);
        OptionalApiExtension.hooksOf(beans).onLate(null);
        if (stopping.metrics() != null) {
            try {
                stopping.metrics().close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        if (stopping.logging() != null) {
            stopping.logging().close();
        }
    }

    /** What the features need to know about the running module ({@link Running#OFF} while it does not run). */
    @Produces
    Running running() {
        start();
        return state.running();
    }

    /** The HTTP request telemetry; null while the module does not run. */
    @Produces
    HttpTelemetry http() {
        start();
        return state.http();
    }

    /** The WebSocket connection telemetry; null while the module does not run. */
    @Produces
    WebSocketTelemetry webSockets() {
        start();
        return state.webSockets();
    }

    /** The effective settings, for injection into the application. */
    @Produces
    TelemetrySettings settings() {
        start();
        return state.settings();
    }
}
