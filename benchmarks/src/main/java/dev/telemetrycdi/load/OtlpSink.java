package dev.telemetrycdi.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local OTLP/HTTP receiver on loopback that accepts every export at once and counts what arrived: the posts to
 * {@code /v1/traces} and to {@code /v1/logs} (the module's OTLP log records, issue 15).
 */
final class OtlpSink implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final AtomicLong traceExports = new AtomicLong();
    private final AtomicLong logExports = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private OtlpSink(HttpServer server) {
        this.server = server;
    }

    static OtlpSink start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        OtlpSink sink = new OtlpSink(server);
        server.createContext("/", sink::handle);
        server.setExecutor(sink.threads);
        server.start();
        return sink;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What arrived so far. */
    Exports exports() {
        return new Exports(traceExports.get(), logExports.get());
    }

    /** Numbers of export requests (posts), of spans and of log records. */
    record Exports(long traces, long logs) {
        static final Exports NONE = new Exports(0, 0);

        Exports plus(Exports other) {
            return new Exports(traces + other.traces, logs + other.logs);
        }

        Exports minus(Exports other) {
            return new Exports(traces - other.traces, logs - other.logs);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            bytes.addAndGet(body.readAllBytes().length);
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/v1/traces")) {
                traceExports.incrementAndGet();
            } else if (path.endsWith("/v1/logs")) {
                logExports.incrementAndGet();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
