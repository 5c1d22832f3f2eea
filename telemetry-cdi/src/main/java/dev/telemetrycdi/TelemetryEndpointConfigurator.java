package dev.telemetrycdi;

import dev.telemetrycdi.internal.context.RequestIds;
import dev.telemetrycdi.internal.websocket.ConnectionTelemetry;
import dev.telemetrycdi.internal.websocket.WebSocketTelemetry;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Map;

/**
 * Gives each WebSocket connection its context at the handshake: a new {@code ws.conn_id}, {@code request.id} (the
 * caller's {@code X-Request-ID} if well-formed, echoed in the handshake response), {@code user.id} and the labels of
 * the endpoint's path template and its parameters ({@code /chat/{roomId}} gives {@code room} and {@code room.id}).
 * Name it in the endpoint; its callbacks then run in that context and the connection's {@code ws_connected} /
 * {@code ws_disconnected} / {@code ws_error} lines are written:
 *
 * <pre>{@code
 * @Dependent
 * @ServerEndpoint(value = "/ws/orders/{id}/item/{itemId}", configurator = TelemetryEndpointConfigurator.class)
 * public class ItemEndpoint { ... }
 * }</pre>
 *
 * <p>Since the module gives every endpoint that is a CDI bean its connection's context without it, naming it is
 * optional: it makes the connection's context at the handshake itself, so that it carries the handshake's
 * {@code X-Request-ID} even where the container hands the upgrade request to the endpoint outside the request's
 * scope. Never throws: a failure leaves the handshake as the container made it.
 */
public class TelemetryEndpointConfigurator extends ServerEndpointConfig.Configurator {
    /** The module's WebSocket telemetry, found through CDI at the first handshake (the container makes configurators). */
    private volatile WebSocketTelemetry webSockets;
    private volatile boolean resolved;

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(config, request, response);
        try {
            WebSocketTelemetry webSockets = webSockets();
            if (webSockets == null) {
                return;
            }
            List<String> ids = request.getHeaders().get(RequestIds.HEADER);
            ConnectionTelemetry connection = webSockets.handshake(ids == null || ids.isEmpty() ? null : ids.get(0),
                    config.getPath(), WebSocketTelemetry.appPath(request.getRequestURI().getRawPath(), config.getPath()),
                    request.getUserPrincipal(), name -> header(request.getHeaders(), name));
            config.getUserProperties().put(ConnectionTelemetry.KEY, connection);
            response.getHeaders().put(RequestIds.HEADER,
                    List.of(String.valueOf(connection.context().get("request.id"))));
        } catch (RuntimeException e) {
            // telemetry never breaks a handshake
        }
    }

    private WebSocketTelemetry webSockets() {
        if (!resolved) {
            try {
                webSockets = CDI.current().select(WebSocketTelemetry.class).get();
            } catch (RuntimeException | LinkageError e) {
                webSockets = null; // not a thread of a CDI application: handshakes go on without the module
            }
            resolved = true;
        }
        return webSockets;
    }

    /** The first value of header {@code name}, whatever the case of the map's keys; null if absent. */
    static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
