package dev.telemetrycdi.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load driver on the JDK's HTTP client: one thread per connection, each sending the next request when
 * the last one answered. Used only when {@code wrk} is not installed (the smoke run); its figures are not comparable
 * with wrk's.
 */
final class JavaLoad implements LoadDriver {
    @Override
    public String name() {
        return "java.net.http";
    }

    @Override
    public Measurement run(String url, int connections, Duration duration) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            results.add(threads.submit(() -> loop(client, request, end)));
        }
        long[] all = new long[0];
        long errors = 0;
        for (Future<long[]> result : results) {
            try {
                long[] latencies = result.get();
                errors += latencies[0];
                long[] merged = Arrays.copyOf(all, all.length + latencies.length - 1);
                System.arraycopy(latencies, 1, merged, all.length, latencies.length - 1);
                all = merged;
            } catch (java.util.concurrent.ExecutionException e) {
                errors++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdownNow();
        Arrays.sort(all);
        return new Measurement(all.length / seconds, percentile(all, 0.50), percentile(all, 0.99), all.length, errors);
    }

    /** Element 0: errors; then the latency of each successful request in nanoseconds. */
    private static long[] loop(HttpClient client, HttpRequest request, long end) {
        long[] latencies = new long[1024];
        int count = 1;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    latencies[0]++;
                    continue;
                }
            } catch (IOException e) {
                latencies[0]++;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - start;
        }
        return Arrays.copyOf(latencies, count);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
