package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.cdi.Capability;
import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import org.jberet.spi.JobXmlResolver;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WildFly only (JBeret's SPI, which WildFly loads from the deployment and asks before its own resolver): when the
 * application starts or restarts a job, gives JBeret the application's job XML with the module's job and step
 * listeners added, and the starting thread's {@code request.id}, {@code user.id} and, with tracing on, W3C trace
 * context ({@code traceparent}, {@code tracestate}) as job-level properties, read back through the
 * {@code JobContext} by the listeners, the artifacts' interceptor and {@link JobSpans}. So on WildFly a job needs neither listeners in its XML nor
 * extra parameters. Whatever goes wrong, it answers null, and WildFly resolves the job XML as it would without.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class TelemetryJobXmlResolver implements JobXmlResolver {
    private static final String SUFFIX = ".xml";
    /** A JSL property value containing this is an expression: never written from a context value. */
    private static final String EXPRESSION = "#{";
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    /** The application's running module, found through CDI at the first job start (JBeret makes resolvers). */
    private volatile Running running;

    @Override
    public InputStream resolveJobXml(String jobXml, ClassLoader classLoader) {
        try {
            Running module = running();
            if (!module.has(Capability.BATCH) || jobXml == null || classLoader == null) {
                return null;
            }
            String file = DEFAULT_PATH + (jobXml.endsWith(SUFFIX) ? jobXml : jobXml + SUFFIX);
            try (InputStream original = classLoader.getResourceAsStream(file)) {
                if (original == null) {
                    return null;
                }
                Map<String, String> properties = submitter(ContextStorage.current());
                properties.putAll(traceContext(module.spans()));
                byte[] rewritten = JobXmlWithTelemetry.rewrite(original, properties);
                return rewritten == null ? null : new ByteArrayInputStream(rewritten);
            }
        } catch (Exception | LinkageError e) {
            return null; // WildFly's own resolver reads the job XML as the application wrote it
        }
    }

    private Running running() {
        Running known = running;
        if (known == null) {
            known = Running.lookup();
            if (known.active()) {
                running = known; // kept once found running; asked again while not (a start on a foreign thread)
            }
        }
        return known;
    }

    @Override
    public Collection<String> getJobXmlNames(ClassLoader classLoader) {
        return List.of(); // WildFly's own resolver lists the application's jobs
    }

    @Override
    public String resolveJobName(String jobXml, ClassLoader classLoader) {
        return null;
    }

    /** The starting thread's W3C trace context ({@code traceparent}, {@code tracestate}), with tracing on. */
    static Map<String, String> traceContext(SpanAccess spans) {
        Map<String, String> properties = new LinkedHashMap<>(2);
        try {
            spans.inject((name, value) -> {
                if ((TRACEPARENT.equals(name) || TRACESTATE.equals(name)) && value != null
                        && !value.contains(EXPRESSION)) {
                    properties.put(name, value);
                }
            });
        } catch (RuntimeException e) {
            properties.clear(); // propagation is best effort
        }
        return properties;
    }

    /** The starting thread's request and user ids, as job properties. */
    static Map<String, String> submitter(Fields context) {
        Map<String, String> properties = new LinkedHashMap<>(2);
        for (String name : List.of(FieldNames.REQUEST_ID, FieldNames.USER_ID)) {
            Object value = context.get(name);
            if (value instanceof String && !((String) value).contains(EXPRESSION)) {
                properties.put(name, (String) value);
            }
        }
        return properties;
    }
}
