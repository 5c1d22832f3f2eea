package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JMS on the real broker: the sample's {@code POST /api/matches/{id}/events} sends a match event carrying the
 * request's context, and its message-driven bean (which knows nothing of telemetry) processes it in that context,
 * between {@code message_received} and {@code message_processed} / {@code message_failed}. Raw messages with
 * hostile property values (sent by {@link MessageProbe}, a test-only resource added to the WAR) are processed
 * without them, with one {@code message_property_ignored} line per value.
 *
 * <p>Every deployed copy of the sample consumes the one {@code MatchEvents} queue (one activation specification for
 * all). That cannot mix up the tests: each class deploys one copy that sends (this one, {@link MessagingTracingIT}),
 * test classes run one after the other and undeploy their copies, and every test waits until its own messages
 * have been processed.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingIT {
    private static final SampleApp APP = SampleApp.named("messaging");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war().addClass(MessageProbe.class);
    }

    @Test
    void theConsumerRunsInTheSendersContextBetweenItsLines() {
        HttpResponse<String> response = Http.send(base, "POST", "/api/matches/7/events?type=kill",
                "X-Request-ID", "msg-1", "Authorization", Http.basic("alice", "alicepw"));
        assertEquals(202, response.statusCode());
        JsonObject applied = APP.log().await(line -> event(line, "match_event_applied")
                && "msg-1".equals(text(line, "request.id")));
        assertEquals("alice", text(applied, "user.id"));
        assertEquals(7, LogFile.number(applied, "match.id"));
        assertEquals("kill", text(applied, "match.event"));
        assertMessagingFields(applied);

        JsonObject processed = APP.log().await(line -> event(line, "message_processed")
                && "msg-1".equals(text(line, "request.id")));
        List<JsonObject> lines = linesOf("msg-1", "message_");
        assertEquals(List.of("message_received", "message_processed"), events(lines));
        for (JsonObject line : lines) {
            assertMessagingFields(line);
            assertEquals("alice", text(line, "user.id"));
            assertEquals(text(applied, "messaging.message.id"), text(line, "messaging.message.id"));
            assertNull(line.get("match.id"), "the listener's own binding is gone after the call: " + line);
        }
        assertTrue(processed.getJsonNumber("duration_ms").doubleValue() >= 0);
        assertEquals("dev.telemetrycdi.messaging", text(processed, "logger"));
    }

    @Test
    void aFailingMessageIsLoggedOnceWithItsException() throws Exception {
        assertEquals(202, Http.send(base, "POST", "/api/matches/8/events?type=explode",
                "X-Request-ID", "msg-fail").statusCode());
        JsonObject failed = APP.log().await(line -> event(line, "message_failed")
                && "msg-fail".equals(text(line, "request.id")));
        assertEquals("error", text(failed, "level"));
        assertEquals("java.lang.IllegalStateException", text(failed, "exception.type"));
        assertTrue(text(failed, "exception.stacktrace").contains("MatchEventConsumer.onMessage"));
        assertMessagingFields(failed);
        // a later message on the same queue is processed after it: any redelivery of the failed one came first
        Http.send(base, "POST", "/api/matches/8/events?type=kill", "X-Request-ID", "msg-after-fail");
        APP.log().await(line -> event(line, "message_processed") && "msg-after-fail".equals(text(line, "request.id")));
        Thread.sleep(1_000);
        assertEquals(List.of("message_received", "message_failed"), events(linesOf("msg-fail", "message_")));
        assertTrue(linesOf("msg-fail", "match_event_applied").isEmpty());
    }

    @Test
    void hostilePropertyValuesAreIgnoredWithANoteAndTheMessageIsProcessed() {
        String forged = "evil\r\n{\"event\":\"forged\"}";
        String id = probe("requestId", forged, "userId", "bob\r\nadmin", "traceparent", "00-zz-not-a-trace-01",
                "correlation", "probe-crlf");
        List<JsonObject> lines = awaitProcessed(id);
        assertEquals(Map.of("telemetry_request_id", "not 1-128 characters of A-Z a-z 0-9 . _ : + / = @ -",
                "telemetry_user_id", "contains control or unprintable characters",
                "traceparent", "not a W3C traceparent"), ignoredReasons(lines));
        assertEquals(List.of("message_property_ignored", "message_property_ignored", "message_property_ignored",
                "message_received", "match_event_applied", "message_processed"), events(lines));
        for (JsonObject line : lines) {
            assertNull(line.get("request.id"), line.toString());
            assertNull(line.get("user.id"), line.toString());
            assertEquals("probe-crlf", text(line, "messaging.message.conversation_id"));
        }
        assertTrue(APP.log().rawLines().stream().noneMatch(line -> line.contains("forged")
                || line.contains("admin")), "a rejected value is never written");
    }

    @Test
    void oversizedAndLookupLikeValuesAreBoundedOrTreatedAsText() {
        String big = probe("requestId", "a", "userId", "u", "correlation", "c", "repeat", "10240");
        List<JsonObject> bigLines = awaitProcessed(big);
        assertEquals(Set.of("telemetry_request_id", "telemetry_user_id", "JMSCorrelationID"),
                ignoredReasons(bigLines).keySet());
        assertTrue(APP.log().rawLines().stream().allMatch(line -> line.length() < 4_000), "no line echoes 10 KB");

        String lookup = "${jndi:ldap://127.0.0.1:1389/a}";
        String jndi = probe("requestId", lookup, "userId", lookup, "correlation", "probe-jndi");
        List<JsonObject> jndiLines = awaitProcessed(jndi);
        assertEquals(Set.of("telemetry_request_id"), ignoredReasons(jndiLines).keySet());
        JsonObject applied = only(jndiLines, "match_event_applied");
        assertEquals(lookup, text(applied, "user.id"), "printable text is kept as it is, never interpreted");
        assertNull(applied.get("request.id"));
    }

    @Test
    void anotherSendersWellFormedValuesAreAccepted() {
        String id = probe("requestId", "ext-42", "userId", "carol", "correlation", "probe-valid");
        JsonObject applied = only(awaitProcessed(id), "match_event_applied");
        assertEquals("ext-42", text(applied, "request.id"));
        assertEquals("carol", text(applied, "user.id"));
        assertEquals("probe-valid", text(applied, "messaging.message.conversation_id"));
    }

    /** Sends a raw message through {@link MessageProbe}; returns its JMSMessageID. */
    private String probe(String... parameters) {
        StringBuilder query = new StringBuilder("/probe/messages?");
        for (int i = 0; i < parameters.length; i += 2) {
            query.append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8)).append('&');
        }
        HttpResponse<String> response = Http.send(base, "POST", "/api" + query, "X-Request-ID", "probe-sender");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** Every line of the message with JMSMessageID {@code id}, once its message_processed line is written. */
    private static List<JsonObject> awaitProcessed(String id) {
        APP.log().await(line -> event(line, "message_processed") && id.equals(text(line, "messaging.message.id")));
        return APP.log().lines().stream().filter(line -> id.equals(text(line, "messaging.message.id"))).toList();
    }

    private static Map<String, String> ignoredReasons(List<JsonObject> lines) {
        Map<String, String> reasons = new HashMap<>();
        for (JsonObject line : lines) {
            if (event(line, "message_property_ignored")) {
                assertEquals("warning", text(line, "level"));
                assertNull(reasons.put(text(line, "message.property"), text(line, "reason")), "noted once");
            }
        }
        return reasons;
    }

    private static JsonObject only(List<JsonObject> lines, String event) {
        List<JsonObject> matching = lines.stream().filter(line -> event(line, event)).toList();
        assertEquals(1, matching.size(), lines.toString());
        return matching.get(0);
    }

    /**
     * The features start, the bean's endpoint is activated, and nothing else goes wrong. One message is expected:
     * CNTR0020E, the container's own report of the failing message's exception.
     */
    @Test
    void theServerReportsNoProblemWithTheMessagingSetUp() throws Exception {
        assumeTrue(Server.isLiberty(), "Open Liberty's message ids");
        Http.send(base, "POST", "/api/matches/9/events?type=tower", "X-Request-ID", "msg-setup");
        APP.log().await(line -> event(line, "message_processed") && "msg-setup".equals(text(line, "request.id")));
        List<String> log = ServerLog.lines();
        assertTrue(log.stream().anyMatch(line -> line.contains("J2CA8801I") && line.contains("dtx/matchEvents")
                && line.contains("messaging#messaging.war#MatchEventConsumer")), "endpoint activated");
        List<String> problems = log.stream()
                .filter(line -> line.contains("CWWKF0046W") || line.contains("CWWKF0047E")
                        || line.matches(".*\\b(CNTR|J2CA|CWSI[A-Z]|CWSJ[A-Z]|CWNEN|CWOWB)\\d{4}[EW]\\b.*"))
                .filter(line -> !(line.contains("CNTR0020E") && line.contains("match event explode")))
                .toList();
        assertEquals(List.of(), problems);
    }

    private static void assertMessagingFields(JsonObject line) {
        assertEquals("jms", text(line, "messaging.system"), line.toString());
        assertEquals("process", text(line, "messaging.operation.type"));
        assertEquals("MatchEvents", text(line, "messaging.destination.name"));
        assertTrue(text(line, "messaging.message.id").startsWith("ID:"), line.toString());
    }

    private static List<JsonObject> linesOf(String requestId, String eventPrefix) {
        Predicate<JsonObject> match = line -> requestId.equals(text(line, "request.id"))
                && String.valueOf(text(line, "event")).startsWith(eventPrefix);
        return APP.log().lines().stream().filter(match).toList();
    }

    private static List<String> events(List<JsonObject> lines) {
        return lines.stream().map(line -> text(line, "event")).toList();
    }
}
