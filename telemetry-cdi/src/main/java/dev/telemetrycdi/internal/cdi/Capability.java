package dev.telemetrycdi.internal.cdi;

import java.util.List;

/**
 * A part of the module that needs an API the server may not offer, with what tells that the API is there and which
 * server configuration would offer it. Everything else of the module (HTTP lines, context, the JUL bridge) needs
 * only CDI, Servlet, Jakarta REST and MicroProfile Config.
 *
 * <p>Internal API: may change without notice.
 */
public enum Capability {
    WEBSOCKET("websocket", "Open Liberty feature websocket-2.1; on WildFly the undertow subsystem's websockets",
            "jakarta.websocket.server.ServerEndpoint"),
    TASKS("tasks", "Open Liberty feature concurrent-3.0; on WildFly the ee subsystem's concurrency",
            "jakarta.enterprise.concurrent.ManagedExecutorService", "jakarta.enterprise.concurrent.Asynchronous"),
    JMS("jms", "Open Liberty feature messagingClient-3.0 (messagingServer-3.0 for the embedded broker, mdb-4.0 for"
            + " message-driven beans); on WildFly the messaging-activemq subsystem (standalone-full.xml)",
            "jakarta.jms.Message"),
    BATCH("batch", "Open Liberty feature batch-2.1; on WildFly the batch-jberet subsystem",
            "jakarta.batch.api.listener.JobListener", "jakarta.batch.runtime.context.JobContext"),
    TRACING("tracing", "Open Liberty feature mpTelemetry-2.1 with the application's apiTypeVisibility=\"+third-party\";"
            + " on WildFly the opentelemetry and microprofile-telemetry subsystems",
            "io.opentelemetry.api.trace.Span");

    private final String label;
    private final String enabledBy;
    private final List<String> apiClasses;

    Capability(String label, String enabledBy, String... apiClasses) {
        this.label = label;
        this.enabledBy = enabledBy;
        this.apiClasses = List.of(apiClasses);
    }

    /** The name in {@code capabilities.off} and in {@code TCDI0007I}, e.g. {@code websocket}. */
    public String label() {
        return label;
    }

    /** What switches the API on, on each server. */
    public String enabledBy() {
        return enabledBy;
    }

    /** Classes of the API, all of which the application must see for the capability to be on. */
    List<String> apiClasses() {
        return apiClasses;
    }
}
