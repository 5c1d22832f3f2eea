/**
 * A chat application written the way the Open Liberty WebSocket guide and the WildFly quickstarts write one:
 * annotated endpoints (plain ones and CDI beans, with their own configurators), programmatic endpoints registered by a
 * {@code ServerApplicationConfig} and by a {@code ServletContextListener}, and {@code java.util.logging} loggers.
 * It uses nothing of telemetry-cdi's API (ForeignWebSocketIT).
 */
package dev.telemetrycdi.it.foreign.chat;
