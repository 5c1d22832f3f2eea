package dev.telemetrycdi.load;

/**
 * One measured load run: throughput and latency percentiles of the requests that completed, and the server process's
 * CPU time (all its threads: request threads, the log writer, GC, JIT) per completed request, {@code NaN} when it was
 * not read.
 */
record Measurement(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors,
                   double serverCpuMicrosPerRequest) {

    Measurement(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
        this(requestsPerSecond, p50Millis, p99Millis, requests, errors, Double.NaN);
    }

    /** This run with the server's CPU time spent while it ran. */
    Measurement withServerCpu(long cpuNanos) {
        return new Measurement(requestsPerSecond, p50Millis, p99Millis, requests, errors,
                requests == 0 ? Double.NaN : cpuNanos / 1000.0 / requests);
    }
}
