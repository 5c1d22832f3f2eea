package dev.telemetrycdi.it;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Steam-like web API on a loopback port, for the sample's outbound calls: records every request with its headers
 * and answers JSON match details, or a 500 for match 8.
 */
final class SteamStub {
    static final long FAILING_MATCH = 8;

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private SteamStub(HttpServer server) {
        this.server = server;
    }

    static SteamStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SteamStub stub = new SteamStub(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port where nothing listens (bound, then released): calls to it are refused. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The requests that arrived with {@code X-Request-ID: requestId}. */
    List<Received> withRequestId(String requestId) {
        return received.stream().filter(each -> requestId.equals(each.headers().getFirst("X-Request-ID"))).toList();
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers headers = new Headers();
            headers.putAll(exchange.getRequestHeaders());
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query,
                    headers));
            String matchId = query != null && query.matches("match_id=\\d{1,18}") ? query.substring(9) : "0";
            boolean failing = matchId.equals(String.valueOf(FAILING_MATCH));
            String body = failing ? "{\"error\":\"internal\"}"
                    : "{\"result\":{\"match_id\":" + matchId + ",\"radiant_win\":true,\"duration\":2400}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(failing ? 500 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** One request the stub received. */
    record Received(String method, String path, String query, Headers headers) {
    }
}
