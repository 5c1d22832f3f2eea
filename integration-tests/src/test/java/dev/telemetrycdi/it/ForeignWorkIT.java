package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quickstart-style application that sends JMS messages (an injected {@code JMSContext} in a servlet, the classic
 * API from a {@code @Resource ConnectionFactory} in an EJB), receives them in a message-driven bean and runs a
 * Jakarta Batch job without a listener in its XML, with no line of telemetry-cdi's API: the listener's lines carry
 * the sending request's {@code request.id} and {@code user.id} and the message's fields; the job's lines carry its
 * job and step fields, and on WildFly the starting request's {@code request.id} and the job and step lines.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignWorkIT {
    private static final ForeignApp APP = ForeignApp.work("foreign-work");
    private static final String ALICE = Http.basic("alice", "alicepw");
    private static final String BOB = Http.basic("bob", "bobpw");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/orders", "/api/orders"})
    void anOrderCarriesTheSendersContextToTheMessageDrivenBean(String path) {
        String token = "ctx" + path.replace('/', '-');
        String id = "work" + path.replace('/', '-');
        assertEquals(202, send(path + "?token=" + token, id, ALICE).statusCode());

        JsonObject received = received(token);
        assertEquals(id, text(received, "request.id"), received.toString());
        assertEquals("alice", text(received, "user.id"), received.toString());
        assertEquals("jms", text(received, "messaging.system"));
        assertEquals("process", text(received, "messaging.operation.type"));
        assertEquals("WorkOrders", text(received, "messaging.destination.name"));
        assertTrue(text(received, "messaging.message.id").startsWith("ID:"), received.toString());
        assertTrue(received.get("trace_id") == null, "no tracing: " + received);

        APP.log().await(line -> event(line, "message_processed") && id.equals(text(line, "request.id")));
        List<String> events = APP.log().lines().stream()
                .filter(line -> id.equals(text(line, "request.id")) && line.containsKey("messaging.system"))
                .map(line -> text(line, "event")).toList();
        assertEquals(List.of("message_received", "order received " + token, "message_processed"), events);
    }

    @Test
    void concurrentSendsKeepTheirOwnContext() {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            String path = n % 2 == 0 ? "/orders" : "/api/orders";
            calls.add(CompletableFuture.supplyAsync(() -> send(path + "?token=many-" + n, "work-many-" + n,
                    n % 3 == 0 ? BOB : ALICE)));
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(202, calls.get(i).join().statusCode());
            JsonObject line = received("many-" + i);
            assertEquals("work-many-" + i, text(line, "request.id"), line.toString());
            assertEquals(i % 3 == 0 ? "bob" : "alice", text(line, "user.id"), line.toString());
        }
    }

    /** A value the sender set itself under the module's property name is checked like an X-Request-ID header. */
    @ParameterizedTest
    @ValueSource(strings = {"bad\u0007id", "too-long"})
    void aHostileRequestIdPropertyIsIgnoredWithOneLine(String kind) {
        String value = kind.equals("too-long") ? "a".repeat(129) : kind;
        String token = "hostile-" + kind.length();
        String id = "work-hostile-" + kind.length();
        assertEquals(202, send("/orders?token=" + token + "&property=telemetry_request_id&value="
                + URLEncoder.encode(value, StandardCharsets.UTF_8), id, ALICE).statusCode());
        JsonObject received = received(token);
        assertNull(received.get("request.id"), received.toString());
        assertEquals("alice", text(received, "user.id"));
        List<JsonObject> ignored = APP.log().lines().stream()
                .filter(line -> event(line, "message_property_ignored")
                        && text(received, "messaging.message.id").equals(text(line, "messaging.message.id")))
                .toList();
        assertEquals(1, ignored.size(), ignored.toString());
        assertEquals("telemetry_request_id", text(ignored.get(0), "message.property"));
        assertFalse(ignored.get(0).toString().contains(value), "the value itself is never written");
    }

    /** JMS converts an int property to its text: 42 passes the request id rule. */
    @Test
    void aPropertyOfAnotherTypeIsReadAsItsText() {
        assertEquals(202, send("/orders?token=typed&intProperty=telemetry_request_id", "work-typed", ALICE)
                .statusCode());
        assertEquals("42", text(received("typed"), "request.id"));
    }

    /**
     * No listener in the job XML, no extra parameter. Both servers: every line of the artifacts carries the job and
     * step fields. WildFly: the module's JBeret job XML resolver adds its listeners and the starting request's ids,
     * so the lines also carry the request's {@code request.id}, and the job and step lines are written. Open
     * Liberty carries nothing of the request into the batch thread and has no such SPI (if this fails on Liberty,
     * Liberty has changed: update docs/telemetry/context.md).
     */
    @Test
    void aJobStartedFromARequestRunsInItsJobAndStepContext() {
        HttpResponse<String> started = Http.send(base, "POST", "/api/reports?token=job-1", "X-Request-ID", "work-job-1");
        assertEquals(202, started.statusCode(), started.body());
        long execution = Long.parseLong(started.body());
        JsonObject summary = line("summary written job-1");
        JsonObject opened = line("lines opened job-1");
        JsonObject first = line("lines written job-1 2");
        JsonObject second = line("lines written job-1 1");
        String requestId = Server.isLiberty() ? null : "work-job-1";
        for (JsonObject line : List.of(summary, opened, first, second)) {
            assertEquals("reportJob", text(line, "job.name"), line.toString());
            assertEquals(execution, number(line, "job.execution.id"), line.toString());
            assertTrue(line.containsKey("job.instance.id"), line.toString());
            assertEquals(requestId, text(line, "request.id"), line.toString());
        }
        assertEquals("summary", text(summary, "step.name"));
        for (JsonObject line : List.of(opened, first, second)) {
            assertEquals("lines", text(line, "step.name"), line.toString());
        }
        Await.until(() -> "COMPLETED".equals(Http.get(base, "/api/reports/" + execution).body()),
                "the job completes");
        if (!Server.isLiberty()) {
            APP.log().await(line -> event(line, "job_completed") && number(line, "job.execution.id") == execution);
        }
        List<JsonObject> jobLines = APP.log().lines().stream()
                .filter(line -> "dev.telemetrycdi.batch".equals(text(line, "logger"))
                        && line.containsKey("job.execution.id") && number(line, "job.execution.id") == execution)
                .toList();
        List<String> expected = Server.isLiberty() ? List.of() : List.of("job_started", "step_started",
                "step_completed", "step_started", "step_completed", "job_completed");
        assertEquals(expected, jobLines.stream().map(line -> text(line, "event")).toList(), jobLines.toString());
        for (JsonObject line : jobLines) {
            assertEquals(requestId, text(line, "request.id"), line.toString());
        }
    }

    @Test
    void aJobStartedWithTheRequestIdAsParameterCarriesIt() {
        HttpResponse<String> started = Http.send(base, "POST", "/api/reports?token=job-2&request.id=work-job-2",
                "X-Request-ID", "work-job-2");
        assertEquals(202, started.statusCode(), started.body());
        assertEquals("work-job-2", text(line("summary written job-2"), "request.id"));
        assertEquals("work-job-2", text(line("lines written job-2 1"), "request.id"));
    }

    @Test
    void aHostileRequestIdParameterIsDroppedWithOneLine() {
        HttpResponse<String> started = Http.send(base, "POST", "/api/reports?token=job-3&request.id="
                + URLEncoder.encode("bad\u0001id", StandardCharsets.UTF_8), "X-Request-ID", "work-job-3");
        assertEquals(202, started.statusCode(), started.body());
        long execution = Long.parseLong(started.body());
        assertNull(line("summary written job-3").get("request.id"));
        line("lines written job-3 1");
        List<JsonObject> ignored = APP.log().lines().stream()
                .filter(line -> event(line, "job_parameter_ignored") && number(line, "job.execution.id") == execution)
                .toList();
        assertEquals(1, ignored.size(), ignored.toString());
        assertEquals("request.id", text(ignored.get(0), "job.parameter"));
        assertFalse(ignored.get(0).toString().contains("bad"), "the value itself is never written");
    }

    /** What the module hooked, and what it could not, said once at start-up. */
    @Test
    void theStartUpLineListsTheHookedSendersListenerAndArtifactsAndTheMissingJobContext() {
        JsonObject initialized = APP.log().await(line -> event(line, "telemetry_initialized"));
        List<String> hooks = initialized.getJsonArray("hooks").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        String app = "dev.telemetrycdi.it.foreign.work.";
        for (String expected : List.of("messaging " + app + "OrderListener", "messaging sender " + app + "OrderServlet",
                "messaging sender " + app + "OrderDesk", "batch " + app + "SummaryBatchlet", "batch " + app + "LineReader",
                "batch " + app + "LineWriter")) {
            assertTrue(hooks.contains(expected), expected + " in " + hooks);
        }
        if (!Server.isLiberty()) {
            assertTrue(hooks.contains("batch job XML listeners and the starting request's context (JBeret)"),
                    hooks.toString());
            assertNull(initialized.get("hooks.missed"), initialized.toString());
            return;
        }
        List<String> missed = initialized.getJsonArray("hooks.missed").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
        assertEquals(1, missed.size(), missed.toString());
        assertTrue(missed.get(0).startsWith("batch the starting request's context in jobs"), missed.toString());
        assertTrue(missed.get(0).contains("TelemetryJobs.parameters"), missed.toString());
    }

    private HttpResponse<String> send(String path, String requestId, String authorization) {
        return Http.send(base, "POST", path, "X-Request-ID", requestId, "Authorization", authorization);
    }

    private JsonObject received(String token) {
        return line("order received " + token);
    }

    private JsonObject line(String event) {
        return APP.log().await(line -> event.equals(text(line, "event")));
    }
}
