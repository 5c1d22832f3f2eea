/**
 * An application with logging of its own, as many teams have it: it bundles Logback (through SLF4J) and Log4j 2,
 * each writing JSON to its own file (Logback's {@code JsonEncoder}, Log4j 2's {@code JsonTemplateLayout} with the
 * MDC / ThreadContext map), and on WildFly excludes the server's logging APIs in
 * {@code jboss-deployment-structure.xml}, as WildFly's documentation says an application with its own logging
 * framework does. It uses nothing of telemetry-cdi.
 */
package dev.telemetrycdi.it.foreign.logs;
