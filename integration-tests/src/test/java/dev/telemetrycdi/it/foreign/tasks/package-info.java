/**
 * A small application that runs its work the way the Jakarta Concurrency guides do: the server's default
 * {@code ManagedExecutorService}, {@code ManagedScheduledExecutorService}, {@code ManagedThreadFactory} and
 * {@code ContextService} obtained with {@code @Resource}, {@code CompletableFuture}s from the executor and
 * Concurrency 3.0 {@code @Asynchronous}. It uses nothing of telemetry-cdi's API and logs through
 * {@code java.util.logging} (ForeignTasksIT).
 */
package dev.telemetrycdi.it.foreign.tasks;
