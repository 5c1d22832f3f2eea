package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * A log exporter that passes on everything but the server's own copies of what the module already emits: records
 * of the servers' {@code java.util.logging} export (Open Liberty's scope {@value #LIBERTY_SCOPE}, WildFly's
 * {@value #WILDFLY_SCOPE}) whose logger is the module's console output ({@value #MODULE_OUTPUT}, WildFly) or one of
 * the bridged categories (the logger itself or one below it). The module's own records, and the server's records of
 * every other logger, go through unchanged.
 *
 * <p>Internal API: may change without notice. Thread-safe (immutable); never throws from {@link #export}.
 */
final class ServerCopyFilter implements LogRecordExporter {
    static final String LIBERTY_SCOPE = "io.openliberty.microprofile.telemetry";
    static final String WILDFLY_SCOPE = "io.smallrye.opentelemetry";
    /** The logger through which the module writes its lines to WildFly's console ({@code ServerLogOutput}). */
    static final String MODULE_OUTPUT = "dev.telemetrycdi.output";
    private static final AttributeKey<String> LIBERTY_LOGGER = AttributeKey.stringKey("io.openliberty.module");
    private static final AttributeKey<String> WILDFLY_LOGGER = AttributeKey.stringKey("log.logger.namespace");

    private final LogRecordExporter next;
    private final List<String> loggers;

    ServerCopyFilter(LogRecordExporter next, List<String> loggers) {
        this.next = next;
        this.loggers = List.copyOf(loggers);
    }

    /** The module's output logger and the bridged {@code categories}. */
    static List<String> emitted(List<String> categories) {
        return Stream.concat(Stream.of(MODULE_OUTPUT), categories.stream()).distinct().toList();
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> records) {
        List<LogRecordData> kept = new ArrayList<>(records.size());
        for (LogRecordData record : records) {
            if (!isServerCopy(record)) {
                kept.add(record);
            }
        }
        if (kept.size() == records.size()) {
            return next.export(records);
        }
        return kept.isEmpty() ? CompletableResultCode.ofSuccess() : next.export(kept);
    }

    /** Whether the server made {@code record} from a record of a logger the module emits itself. */
    boolean isServerCopy(LogRecordData record) {
        try {
            String scope = record.getInstrumentationScopeInfo().getName();
            String logger;
            if (LIBERTY_SCOPE.equals(scope)) {
                logger = record.getAttributes().get(LIBERTY_LOGGER);
            } else if (WILDFLY_SCOPE.equals(scope)) {
                logger = record.getAttributes().get(WILDFLY_LOGGER);
            } else {
                return false;
            }
            return logger != null && loggers.stream().anyMatch(
                    name -> logger.equals(name) || (logger.startsWith(name) && logger.charAt(name.length()) == '.'));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public CompletableResultCode flush() {
        return next.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return next.shutdown();
    }

    @Override
    public void close() {
        next.close();
    }

    @Override
    public String toString() {
        return "ServerCopyFilter{" + next + "}";
    }
}
