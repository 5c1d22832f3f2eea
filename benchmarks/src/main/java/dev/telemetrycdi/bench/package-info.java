/**
 * JMH benchmarks of telemetry-cdi's per-request path: what the servlet filter, the JAX-RS filter and one
 * {@code request_completed} line cost on the request thread, its parts measured alone, and the JSON formatting
 * that the writer thread does, each reported against a {@code baseline} measured in the same run.
 *
 * <p>Run {@code java -jar benchmarks/target/benchmarks.jar}; {@code docs/telemetry/performance.md} has the
 * exact command and the latest figures. Nothing here is a test: the build only compiles and packages it.
 */
package dev.telemetrycdi.bench;
