package dev.telemetrycdi.internal.http;

import dev.telemetrycdi.internal.cdi.HookReport;
import dev.telemetrycdi.internal.websocket.WebSocketTelemetry;
import jakarta.enterprise.inject.Instance;

/**
 * The module's parts a servlet hook (the request listener, the filter) works with, taken when the container has made
 * the hook: first the hook says it is in place (the container made it, so the module's initializer ran), then it
 * takes the parts, which starts the module if nothing did yet, so that {@code telemetry_initialized} lists the HTTP
 * hook whichever part starts the module.
 *
 * <p>Internal API: may change without notice. Immutable.
 *
 * @param http       the request telemetry; null while the module does not run
 * @param webSockets the WebSocket telemetry, for upgrade requests; null while the module does not run
 */
record HookParts(HttpTelemetry http, WebSocketTelemetry webSockets) {
    static final HookParts NONE = new HookParts(null, null);

    static HookParts take(HookReport hooks, Instance<HttpTelemetry> http, Instance<WebSocketTelemetry> webSockets) {
        try {
            hooks.hooked(TelemetryServletInitializer.CAPABILITY, TelemetryServletInitializer.HOOK);
            return new HookParts(http.get(), webSockets.get());
        } catch (RuntimeException | LinkageError e) {
            return NONE; // the requests go on without the module
        }
    }
}
