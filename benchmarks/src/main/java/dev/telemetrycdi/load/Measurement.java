package dev.telemetrycdi.load;

/** One measured load run: throughput and latency percentiles of the requests that completed. */
record Measurement(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
}
