package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With tracing on, the W3C trace context travels with the message: the consumer span {@code process MatchEvents}
 * is a child of the sending request's server span, in its trace, and the lines written while the message is
 * processed carry the consumer span.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingTracingIT {
    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    private static final SampleApp APP = SampleApp.named("messaging-tracing")
            .tracedTo(OTLP.endpoint());

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @AfterAll
    static void stopReceiver() {
        OTLP.stop();
    }

    @Test
    void theConsumerSpanContinuesTheSendersTraceAndTheLinesCarryIt() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        assertEquals(202, Http.send(base, "POST", "/api/matches/7/events?type=kill", "X-Request-ID", "msg-trace",
                "Authorization", Http.basic("alice", "alicepw"),
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").statusCode());

        OtlpReceiver.ReceivedSpan server = OTLP.await(span -> "SPAN_KIND_SERVER".equals(span.kind())
                && "msg-trace".equals(span.attributes().get("request.id")));
        OtlpReceiver.ReceivedSpan consumer = OTLP.await(span -> "SPAN_KIND_CONSUMER".equals(span.kind())
                && "msg-trace".equals(span.attributes().get("request.id")));
        assertEquals(traceId, server.traceId());
        assertEquals("process MatchEvents", consumer.name());
        assertEquals(traceId, consumer.traceId());
        assertEquals(server.spanId(), consumer.parentSpanId());
        assertEquals("jms", consumer.attributes().get("messaging.system"));
        assertEquals("process", consumer.attributes().get("messaging.operation.type"));
        assertEquals("MatchEvents", consumer.attributes().get("messaging.destination.name"));
        assertEquals("alice", consumer.attributes().get("user.id"));

        APP.log().await(line -> event(line, "message_processed") && "msg-trace".equals(text(line, "request.id")));
        List<JsonObject> consumed = APP.log().lines().stream()
                .filter(line -> "msg-trace".equals(text(line, "request.id")) && line.containsKey("messaging.system"))
                .toList();
        assertEquals(List.of("message_received", "match_event_applied", "message_processed"),
                consumed.stream().map(line -> text(line, "event")).toList());
        for (JsonObject line : consumed) {
            assertEquals(traceId, text(line, "trace_id"), line.toString());
            assertEquals(consumer.spanId(), text(line, "span_id"), line.toString());
        }
        JsonObject sent = APP.log().request("msg-trace").stream()
                .filter(line -> event(line, "match_event_sent")).findFirst().orElseThrow();
        assertEquals(server.spanId(), text(sent, "span_id"));
    }
}
