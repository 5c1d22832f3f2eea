package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code telemetry.log.otlp=true} with tracing on, in an application that is not the sample: every structured line
 * (the module's {@code request_completed} and {@code request_failed}, the application's {@code EventLogger} event, a
 * bridged {@code java.util.logging} record) also arrives at a real OTLP receiver as one log record, with its
 * severity, body, typed attributes, the trace and span ids of the server span the server exported, and the
 * application's {@code service.name}. The server's own export of {@code java.util.logging} records, which the
 * module's default {@code otel.logs.exporter=otlp} switches on, adds no second copy of a bridged record and none of
 * the module's console output ({@code dev.telemetrycdi.output}, WildFly), while it still exports the application's
 * other loggers. Without the setting nothing of the application's lines is exported, and with
 * {@code TELEMETRY_ENABLED=false} nothing at all. No secret the request or the configuration carries is in any
 * record.
 *
 * <p>WildFly's export of {@code java.util.logging} records is bound to the first application whose OpenTelemetry it
 * saw since the server started (SmallRye OpenTelemetry installs one root handler, once): the audit record below
 * arrives through it only when this class's first deployment is the server's first, so the build runs this class on a
 * WildFly of its own ({@code wildfly/pom.xml}, execution {@code fresh-server}), where that is asserted.
 */
@ExtendWith(ArquillianExtension.class)
class OtlpLogsIT {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final String QUERY_SECRET = "qs-" + UUID.randomUUID();
    private static final String HEADER_SECRET = "hs-" + UUID.randomUUID();
    private static final String LIBERTY_SCOPE = "io.openliberty.microprofile.telemetry";
    private static final String WILDFLY_SCOPE = "io.smallrye.opentelemetry";
    private static final String RESOURCE = "dev.telemetrycdi.it.foreign.parcels.ParcelResource";

    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    /** Lines to standard output: on WildFly through the server's console logging, which the server could export. */
    private static final ForeignApp ON = ForeignApp.parcels("otlp-logs-on").tracedTo(OTLP.endpoint())
            .without("otel.logs.exporter").without("telemetry.log.file").with("telemetry.log.otlp", "true")
            .with("otel.blrp.schedule.delay", "100").with("otel.exporter.otlp.headers", "x-api-key=" + HEADER_SECRET);
    private static final ForeignApp OFF = ForeignApp.parcels("otlp-logs-off").tracedTo(OTLP.endpoint())
            .without("otel.logs.exporter");
    private static final ForeignApp MODULE_OFF = ForeignApp.parcels("otlp-logs-module-off").tracedTo(OTLP.endpoint())
            .without("otel.logs.exporter").with("telemetry.log.otlp", "true").with("telemetry.enabled", "false");

    @ArquillianResource
    @OperateOnDeployment("on")
    URL on;

    @ArquillianResource
    @OperateOnDeployment("off")
    URL off;

    @ArquillianResource
    @OperateOnDeployment("module-off")
    URL moduleOff;

    @Deployment(name = "on", testable = false, order = 1)
    static WebArchive on() {
        return ON.war();
    }

    @Deployment(name = "off", testable = false, order = 2)
    static WebArchive off() {
        return OFF.war();
    }

    @Deployment(name = "module-off", testable = false, order = 3)
    static WebArchive moduleOff() {
        return MODULE_OFF.war();
    }

    @AfterAll
    static void stopReceiver() {
        OTLP.stop();
    }

    @Test
    void everyLineArrivesOnceAsALogRecordInTheSpanItWasWrittenIn() throws Exception {
        OtlpReceiver.ReceivedLog enabled = OTLP.awaitLog(record -> ofOn(record)
                && "tracing_enabled".equals(record.body()));
        assertEquals(Boolean.TRUE, enabled.attributes().get("telemetry.log.otlp"), enabled.toString());
        assertEquals("otlp", enabled.attributes().get("otel.logs.exporter"), enabled.toString());

        String trace = hex32();
        HttpResponse<String> response = Http.get(on, "/api/parcels/41?api_key=" + QUERY_SECRET,
                "X-Request-ID", "otlp-41", "traceparent", "00-" + trace + "-00f067aa0ba902b7-01",
                "Authorization", "Bearer " + PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        OtlpReceiver.ReceivedSpan server = OTLP.await(span -> trace.equals(span.traceId())
                && "SPAN_KIND_SERVER".equals(span.kind()));

        OtlpReceiver.ReceivedLog completed = OTLP.awaitLog(record -> ofOn(record)
                && "request_completed".equals(record.body()) && "otlp-41".equals(record.attributes().get("request.id")));
        assertEquals(9, completed.severityNumber(), completed.toString());
        assertEquals("info", completed.severityText());
        assertEquals(trace, completed.traceId());
        assertEquals(server.spanId(), completed.spanId(), "the server span the line was written in");
        assertEquals(1, completed.flags());
        assertEquals(200L, completed.attributes().get("http.response.status_code"));
        assertInstanceOf(Double.class, completed.attributes().get("duration_ms"), completed.toString());
        assertEquals(List.of("parcel"), completed.attributes().get("labels"));
        assertEquals(41L, completed.attributes().get("parcel.id"));
        assertEquals("GET", completed.attributes().get("http.request.method"));
        assertFalse(completed.attributes().containsKey("trace_id"), "in the record's context, not an attribute");
        assertFalse(completed.attributes().containsKey("span_id"));
        assertFalse(completed.attributes().containsKey("event.name"), "deprecated: never written");
        assertTrue(completed.timeUnixNano() > 0);
        assertFalse(isServerScope(completed.scope()), completed.scope());
        // set through the incubator API (OpenTelemetry 1.48), which both servers let the application see
        assertEquals("request_completed", completed.eventName());

        OtlpReceiver.ReceivedLog weighed = OTLP.awaitLog(record -> ofOn(record)
                && "parcel_weighed".equals(record.body()));
        assertEquals(RESOURCE, weighed.scope());
        assertEquals("otlp-41", weighed.attributes().get("request.id"));
        assertEquals(2.5, weighed.attributes().get("parcel.weight_kg"));
        assertEquals(Boolean.TRUE, weighed.attributes().get("parcel.fragile"));
        assertEquals(3L, weighed.attributes().get("parcel.count"));
        assertEquals(List.of("express", "insured"), weighed.attributes().get("parcel.tags"));
        assertEquals(trace, weighed.traceId());
        assertEquals(server.spanId(), weighed.spanId());

        OtlpReceiver.ReceivedLog bridged = OTLP.awaitLog(record -> "Parcel 41 weighed".equals(record.body()));
        assertEquals(RESOURCE, bridged.scope(), "the module's record, not the server's: " + bridged);
        assertEquals(9, bridged.severityNumber());
        assertEquals("", bridged.eventName(), "a message is no event name");
        assertEquals(trace, bridged.traceId());
        assertEquals("otlp-41", bridged.attributes().get("request.id"));
        assertEquals("otlp-logs-on", bridged.serviceName());

        Thread.sleep(2_000); // many export intervals (otel.blrp.schedule.delay=100): a second copy has had time
        List<OtlpReceiver.ReceivedLog> records = OTLP.logs();
        assertEquals(1, count(records, record -> "Parcel 41 weighed".equals(record.body())), "exactly once");
        assertEquals(1, count(records, record -> ofOn(record) && "parcel_weighed".equals(record.body())));
        assertEquals(0, count(records, record -> "dev.telemetrycdi.output".equals(loggerOf(record))),
                "the module's console output is never a record of its own");
        List<OtlpReceiver.ReceivedLog> audit = records.stream()
                .filter(record -> "Audit of parcel 41".equals(record.body())).toList();
        assertTrue(audit.stream().allMatch(record -> isServerScope(record.scope())),
                "a logger outside the categories is the server's to export, never the module's: " + audit);
        if (Server.isLiberty()) {
            // Open Liberty exports the application's java.util.logging records itself: the filter keeps them
            assertEquals(1, audit.size(), audit.toString());
        } else if (Boolean.getBoolean("it.fresh.server")) {
            // the build runs this class on a WildFly no application has used yet (wildfly/pom.xml, fresh-server):
            // its root handler exports through this deployment's SDK, so the server's copies were made, and filtered
            assertEquals(1, audit.size(), "WildFly's own export of the application's other loggers: " + audit);
        } else {
            // selected by hand (-Dit.test) after other classes: the root handler may belong to an earlier application
            assertTrue(audit.size() <= 1, audit.toString());
            System.out.println("OtlpLogsIT: not on a fresh WildFly; it exported the audit record " + audit.size()
                    + " time(s)");
        }
        for (OtlpReceiver.ReceivedLog record : records) {
            String text = record.toString();
            assertFalse(text.contains(PASSWORD) || text.contains(QUERY_SECRET) || text.contains(HEADER_SECRET),
                    "a secret in " + text);
        }
    }

    @Test
    void anErrorLineCarriesItsException() {
        HttpResponse<String> response = Http.get(on, "/api/parcels/42/lost", "X-Request-ID", "otlp-42");
        assertEquals(500, response.statusCode());
        OtlpReceiver.ReceivedLog failed = OTLP.awaitLog(record -> ofOn(record)
                && "request_failed".equals(record.body()) && "otlp-42".equals(record.attributes().get("request.id")));
        assertEquals(17, failed.severityNumber(), failed.toString());
        assertEquals("error", failed.severityText());
        assertEquals("java.lang.IllegalStateException", failed.attributes().get("exception.type"));
        assertEquals("parcel 42 lost", failed.attributes().get("exception.message"));
        String stack = String.valueOf(failed.attributes().get("exception.stacktrace"));
        assertTrue(stack.startsWith("java.lang.IllegalStateException: parcel 42 lost") && stack.contains(RESOURCE),
                stack);
    }

    @Test
    void withoutTheSettingTheApplicationsLinesStayLinesOnly() throws Exception {
        JsonObject enabled = OFF.log().await(line -> event(line, "tracing_enabled"));
        assertFalse(enabled.getBoolean("telemetry.log.otlp"), enabled.toString());
        assertEquals("none", text(enabled, "otel.logs.exporter"), enabled.toString());
        String trace = hex32();
        assertEquals(200, Http.get(off, "/api/parcels/43", "X-Request-ID", "otlp-43",
                "traceparent", "00-" + trace + "-00f067aa0ba902b7-01").statusCode());
        OTLP.await(span -> trace.equals(span.traceId())); // tracing itself is on
        Lines.completed(OFF.log(), "otlp-43", 200, "otlp-43");
        Thread.sleep(1_500);
        assertEquals(List.of(), OTLP.logs().stream().filter(record -> "otlp-logs-off".equals(record.serviceName())
                || "otlp-43".equals(record.attributes().get("request.id"))
                || "Parcel 43 weighed".equals(record.body())).toList());
    }

    @Test
    void theModuleSwitchedOffExportsNothing() throws Exception {
        MODULE_OFF.log().await(line -> event(line, "telemetry_disabled"));
        String trace = hex32();
        assertEquals(200, Http.get(moduleOff, "/api/parcels/44", "traceparent",
                "00-" + trace + "-00f067aa0ba902b7-01").statusCode());
        String control = hex32();
        assertEquals(200, Http.get(on, "/api/parcels/45", "traceparent", "00-" + control + "-00f067aa0ba902b7-01")
                .statusCode());
        OTLP.await(span -> control.equals(span.traceId())); // the receiver and the export path work meanwhile
        OTLP.awaitLog(record -> ofOn(record) && "parcel_weighed".equals(record.body()) && control.equals(record.traceId()));
        Thread.sleep(1_500);
        assertTrue(OTLP.spans().stream().noneMatch(span -> trace.equals(span.traceId())
                || "otlp-logs-module-off".equals(span.resource().get("service.name"))));
        assertEquals(List.of(), OTLP.logs().stream().filter(record -> "otlp-logs-module-off".equals(record.serviceName())
                || !isServerScope(record.scope()) && (trace.equals(record.traceId())
                || "Parcel 44 weighed".equals(record.body()))).toList());
        // WildFly's own export of java.util.logging records is server-wide, through the SDK of the application that
        // installed it (here the first one, "on"): it may carry this application's audit record, never as its own
        assertTrue(OTLP.logs().stream().filter(record -> trace.equals(record.traceId()))
                .allMatch(record -> WILDFLY_SCOPE.equals(record.scope()) && ofOn(record)), OTLP.logs().toString());
    }

    private static boolean ofOn(OtlpReceiver.ReceivedLog record) {
        return "otlp-logs-on".equals(record.serviceName());
    }

    private static boolean isServerScope(String scope) {
        return LIBERTY_SCOPE.equals(scope) || WILDFLY_SCOPE.equals(scope);
    }

    /** The logger the server names in its own records of {@code java.util.logging}, if it is one. */
    private static String loggerOf(OtlpReceiver.ReceivedLog record) {
        Object logger = record.attributes().get(Server.isLiberty() ? "io.openliberty.module" : "log.logger.namespace");
        return logger == null ? null : logger.toString();
    }

    private static long count(List<OtlpReceiver.ReceivedLog> records, Predicate<OtlpReceiver.ReceivedLog> match) {
        return records.stream().filter(match).count();
    }

    private static String hex32() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
