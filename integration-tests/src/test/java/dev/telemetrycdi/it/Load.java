package dev.telemetrycdi.it;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Concurrent requests to the REST application's {@code /api/items/{id}/history}, which logs {@value #ENTRIES} lines
 * ({@code Item <id> history entry <n>}): {@value #THREADS} threads, each sending one request after another with a
 * request id of its own ({@code <prefix>-t<thread>-<sequence>}, padded to the longest id the module accepts, 128
 * characters, so that fewer requests fill a file), until {@link #stop()}. Each request must answer 200 with its id.
 * A thread's requests are sequential, so the lines the application logs while handling request {@code n} are queued
 * before request {@code n + 1} starts (its {@code request_completed} line may come later: the module writes it when
 * the container is done with the request).
 *
 * <pre>{@code
 * try (Load load = Load.start(base, "kept")) {
 *     load.until(() -> Files.exists(rotated), "three rotations");
 * }
 * }</pre>
 *
 * <p>At most {@value #MAX_REQUESTS} requests and {@value #MAX_SECONDS} s, so that a module that never does what the
 * test waits for fails the test instead of running on.
 */
final class Load implements AutoCloseable {
    static final int THREADS = 8;
    static final int ID_LENGTH = 128;
    static final int ENTRIES = 10;
    private static final int MAX_REQUESTS = 40_000;
    private static final int MAX_SECONDS = 90;

    /** A request answered: its thread, its place in the thread's sequence, when it started ({@link System#nanoTime}). */
    record Sent(String id, int thread, int sequence, long startNanos) {
    }

    private final URL base;
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private final long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
    private volatile boolean stopping;

    private Load(URL base, String prefix) {
        this.base = base;
        this.prefix = prefix;
    }

    static Load start(URL base, String prefix) {
        Load load = new Load(base, prefix);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread sender = new Thread(() -> load.send(thread), "load-" + prefix + "-" + t);
            load.threads.add(sender);
            sender.start();
        }
        return load;
    }

    /** Requests sent so far (answered or not). */
    int count() {
        return count.get();
    }

    /** Waits until {@code condition} holds, requests flowing meanwhile; fails if the load ends or fails first. */
    void until(BooleanSupplier condition, String what) {
        while (!condition.getAsBoolean()) {
            if (!failures.isEmpty() || threads.stream().noneMatch(Thread::isAlive)) {
                stop();
                throw new AssertionError("the load ended (" + count() + " requests) before " + what, first());
            }
            pause(5);
        }
    }

    /** Waits until {@code more} further requests were sent. */
    void further(int more) {
        int target = count() + more;
        until(() -> count() >= target, target + " requests");
    }

    /** Stops the threads and returns every request that was answered, by id; fails if any request failed. */
    Map<String, Sent> stop() {
        stopping = true;
        for (Thread thread : threads) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " requests failed", first());
        }
        return Collections.unmodifiableMap(new HashMap<>(sent)); // get(null) answers null
    }

    @Override
    public void close() {
        stopping = true;
    }

    private void send(int thread) {
        for (int sequence = 0; !stopping; sequence++) {
            if (count.incrementAndGet() > MAX_REQUESTS || System.nanoTime() - deadline > 0) {
                return;
            }
            String id = id(thread, sequence);
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = Http.get(base,
                        "/api/items/" + sequence % 100 + "/history?entries=" + ENTRIES, "X-Request-ID", id);
                if (response.statusCode() != 200
                        || !id.equals(response.headers().firstValue("X-Request-ID").orElse(null))) {
                    throw new AssertionError(id + ": " + response.statusCode() + " " + response.headers().map());
                }
                sent.put(id, new Sent(id, thread, sequence, start));
            } catch (RuntimeException | AssertionError e) {
                failures.add(e);
                return;
            }
        }
    }

    private String id(int thread, int sequence) {
        String id = prefix + "-t" + thread + "-" + sequence + "-";
        return id + "x".repeat(ID_LENGTH - id.length());
    }

    private Throwable first() {
        synchronized (failures) {
            return failures.isEmpty() ? null : failures.get(0);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
