package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With tracing on and {@code telemetry.websocket.message-spans=true}, each WebSocket message is handled in its own
 * span, a child of the connection's handshake trace, and the lines written while handling it carry that span.
 */
@ExtendWith(ArquillianExtension.class)
class WebSocketTracingIT {
    private static final OtlpReceiver OTLP = OtlpReceiver.start();
    private static final SampleApp APP = SampleApp.named("websocket-tracing")
            .tracedTo(OTLP.endpoint())
            .with("telemetry.websocket.message-spans", "true");

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
    void eachMessageIsASpanOfTheConnectionsTrace() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        URI uri = URI.create(base.toExternalForm().replaceFirst("^http", "ws").replaceAll("/$", "")
                + "/ws/tournaments/5/draft/12");
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("X-Request-ID", "ws-traced")
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .buildAsync(uri, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        socket.sendText("axe", true).get(10, TimeUnit.SECONDS);
        JsonObject picked = APP.log().await(line -> event(line, "hero_picked")
                && "ws-traced".equals(text(line, "request.id")));
        OtlpReceiver.ReceivedSpan span = OTLP.await(each -> "websocket message".equals(each.name())
                && "ws-traced".equals(each.attributes().get("request.id")));
        assertEquals(traceId, span.traceId(), "a child of the handshake's trace");
        assertEquals(span.traceId(), text(picked, "trace_id"));
        assertEquals(span.spanId(), text(picked, "span_id"));
        assertEquals(12L, span.attributes().get("draft.id"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }
}
