package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCopyFilterTest {
    private final List<List<String>> exported = new ArrayList<>();
    private final LogRecordExporter next = new LogRecordExporter() {
        @Override
        public CompletableResultCode export(Collection<LogRecordData> records) {
            exported.add(records.stream().map(ServerCopyFilterTest::name).toList());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    };
    private final ServerCopyFilter filter = new ServerCopyFilter(next,
            ServerCopyFilter.emitted(List.of("com.acme", "org.hibernate.SQL")));

    @Test
    void dropsTheServersCopiesOfTheModulesLoggersOnly() {
        List<LogRecordData> batch = List.of(
                record("module", "com.acme.Orders", "unused", null),
                record("liberty-bridged", ServerCopyFilter.LIBERTY_SCOPE, "io.openliberty.module", "com.acme.Orders"),
                record("liberty-category", ServerCopyFilter.LIBERTY_SCOPE, "io.openliberty.module", "com.acme"),
                record("liberty-other", ServerCopyFilter.LIBERTY_SCOPE, "io.openliberty.module", "com.acmex.Other"),
                record("wildfly-output", ServerCopyFilter.WILDFLY_SCOPE, "log.logger.namespace",
                        "dev.telemetrycdi.output"),
                record("wildfly-bridged", ServerCopyFilter.WILDFLY_SCOPE, "log.logger.namespace", "org.hibernate.SQL"),
                record("wildfly-server", ServerCopyFilter.WILDFLY_SCOPE, "log.logger.namespace", "org.jboss.as"),
                record("wildfly-diagnostics", ServerCopyFilter.WILDFLY_SCOPE, "log.logger.namespace",
                        "dev.telemetrycdi"),
                record("no-logger", ServerCopyFilter.WILDFLY_SCOPE, "other", "com.acme"));
        assertTrue(filter.export(batch).isSuccess());
        assertEquals(List.of(List.of("module", "liberty-other", "wildfly-server", "wildfly-diagnostics", "no-logger")),
                exported);
    }

    @Test
    void passesABatchWithoutCopiesAsItIsAndSendsNothingForABatchOfCopiesOnly() {
        List<LogRecordData> clean = List.of(record("a", "com.acme", "x", "y"));
        filter.export(clean);
        filter.export(List.of(record("copy", ServerCopyFilter.LIBERTY_SCOPE, "io.openliberty.module", "com.acme")));
        assertEquals(List.of(List.of("a")), exported);
        assertSame(CompletableResultCode.ofSuccess().isSuccess(), filter.flush().isSuccess());
    }

    /** A record with only what the filter reads; its body names it for the assertions. */
    private static LogRecordData record(String name, String scope, String key, String logger) {
        Attributes attributes = logger == null ? Attributes.empty() : Attributes.builder().put(key, logger).build();
        return (LogRecordData) Proxy.newProxyInstance(ServerCopyFilterTest.class.getClassLoader(),
                new Class<?>[] {LogRecordData.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getInstrumentationScopeInfo": return InstrumentationScopeInfo.create(scope);
                        case "getAttributes": return attributes;
                        case "toString": return name;
                        default: throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static String name(LogRecordData record) {
        return record.toString();
    }
}
