/**
 * A small application that runs its work the way the Jakarta Concurrency guides do: the server's default
 * {@code ManagedExecutorService}, {@code ManagedScheduledExecutorService}, {@code ManagedThreadFactory} and
 * {@code ContextService} obtained with {@code @Resource} (in a JAX-RS resource, an application-scoped bean, a
 * servlet and a stateless session bean) or a JNDI lookup, {@code CompletableFuture}s from the executor, Concurrency
 * 3.0 {@code @Asynchronous} and EJB {@code @Asynchronous}, a task that throws. It uses nothing of telemetry-cdi's API
 * and logs through {@code java.util.logging} (ForeignTasksIT, ForeignTasksTracingIT).
 */
package dev.telemetrycdi.it.foreign.tasks;
