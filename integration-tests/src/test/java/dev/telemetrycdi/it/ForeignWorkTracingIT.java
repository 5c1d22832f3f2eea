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
 * The quickstart-style work application with tracing on, exporting to a real OTLP receiver: a message its EJB sends
 * with the classic API from a traced Jakarta REST request is processed in a consumer span that is a child of the
 * request's server span, and the message-driven bean's lines carry that span; the application has no line of
 * telemetry-cdi's API.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignWorkTracingIT {
    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    private static final ForeignApp APP = ForeignApp.work("foreign-work-traced").tracedTo(OTLP.endpoint());

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
    void theConsumerSpanIsAChildOfTheSendingRequestsSpanAndTheListenersLinesCarryIt() {
        String traceId = "5cf92f3577b34da6a3ce929d0e0e4737";
        assertEquals(202, Http.send(base, "POST", "/api/orders?token=traced", "X-Request-ID", "work-traced",
                "Authorization", Http.basic("alice", "alicepw"),
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").statusCode());

        OtlpReceiver.ReceivedSpan server = OTLP.await(span -> "SPAN_KIND_SERVER".equals(span.kind())
                && traceId.equals(span.traceId()));
        OtlpReceiver.ReceivedSpan consumer = OTLP.await(span -> "SPAN_KIND_CONSUMER".equals(span.kind())
                && "work-traced".equals(span.attributes().get("request.id")));
        assertEquals("process WorkOrders", consumer.name());
        assertEquals(traceId, consumer.traceId());
        assertEquals(server.spanId(), consumer.parentSpanId());
        assertEquals("alice", consumer.attributes().get("user.id"));

        APP.log().await(line -> event(line, "message_processed") && "work-traced".equals(text(line, "request.id")));
        List<JsonObject> consumed = APP.log().lines().stream()
                .filter(line -> "work-traced".equals(text(line, "request.id")) && line.containsKey("messaging.system"))
                .toList();
        assertEquals(List.of("message_received", "order received traced", "message_processed"),
                consumed.stream().map(line -> text(line, "event")).toList());
        for (JsonObject line : consumed) {
            assertEquals(traceId, text(line, "trace_id"), line.toString());
            assertEquals(consumer.spanId(), text(line, "span_id"), line.toString());
        }
    }
}
