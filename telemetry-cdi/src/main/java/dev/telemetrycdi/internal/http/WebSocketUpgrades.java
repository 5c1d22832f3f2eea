package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.websocket.WebSocketTelemetry;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Hands the request id of a WebSocket upgrade request to the connection it opens ({@link WebSocketTelemetry#upgrading}),
 * so that the connection's lines carry the same {@code request.id} as the upgrade's {@code request_completed} line.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class WebSocketUpgrades {
    private WebSocketUpgrades() {
    }

    /** The request ended: if it was an upgrade request that did not upgrade, its note goes. */
    static void ended(WebSocketTelemetry webSockets, HttpServletRequest request, String requestId, int status) {
        try {
            if (status != 101 && webSockets != null && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
                webSockets.notUpgraded(request.getRequestURI(), request.getQueryString(), requestId);
            }
        } catch (RuntimeException | LinkageError e) {
            // the note expires
        }
    }

    static void note(WebSocketTelemetry webSockets, HttpServletRequest request, String requestId) {
        try {
            if (webSockets != null && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
                webSockets.upgrading(request.getRequestURI(), request.getQueryString(),
                        Fields.of(FieldNames.REQUEST_ID, requestId));
            }
        } catch (RuntimeException | LinkageError e) {
            // the connection gets a request id of its own
        }
    }
}
