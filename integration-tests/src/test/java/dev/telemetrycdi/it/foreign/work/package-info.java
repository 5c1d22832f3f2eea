/**
 * A WildFly-quickstart-style application (helloworld-mdb, batch-processing) that knows nothing of telemetry-cdi: a
 * servlet sends orders with an injected {@code JMSContext}, a REST resource has an EJB send them with the classic API
 * from a {@code @Resource ConnectionFactory}, a message-driven bean logs them with {@code java.util.logging}, and a
 * Jakarta Batch job (a batchlet and a chunk step, no listener in its XML) is started from a request with
 * {@code BatchRuntime.getJobOperator().start(...)}.
 */
package dev.telemetrycdi.it.foreign.work;
