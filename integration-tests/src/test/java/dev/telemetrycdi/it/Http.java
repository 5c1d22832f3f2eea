package dev.telemetrycdi.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for the tests: ordinary requests, and raw requests for headers no client would send. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    static HttpResponse<String> get(URL base, String path, String... headers) {
        return send(base, "GET", path, headers);
    }

    static HttpResponse<String> send(URL base, String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(base, path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static URI uri(URL base, String path) {
        String root = base.toExternalForm();
        if (root.endsWith("/") && path.startsWith("/")) {
            path = path.substring(1);
        }
        return URI.create(root + path);
    }

    /**
     * Sends a GET with the given header bytes exactly as they are (no validation) and returns the raw response head
     * and body, e.g. to send CR/LF or non-ASCII bytes in {@code X-Request-ID}.
     */
    static RawResponse raw(URL base, String path, Map<String, byte[]> headers) {
        return raw(base, "GET", path, headers);
    }

    /**
     * Sends {@code method} on {@code path} (appended to the base path exactly as given: encoded slashes, dots and
     * path parameters stay as they are) with the given header bytes, and returns the raw response.
     */
    static RawResponse raw(URL base, String method, String path, Map<String, byte[]> headers) {
        URI uri = uri(base, "/");
        String target = uri.getRawPath() + (path.startsWith("/") ? path.substring(1) : path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, byte[]> header : headers.entrySet()) {
                out.write((header.getKey() + ": ").getBytes(StandardCharsets.ISO_8859_1));
                out.write(header.getValue());
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(response);
            return new RawResponse(response.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a WebSocket upgrade request for {@code path} with {@code X-Request-ID: requestId}, reads the response
     * head (101 when the server upgrades) and closes the connection.
     */
    static RawResponse upgrade(URL base, String path, String requestId) {
        return upgrade(base, path, requestId, Map.of());
    }

    /** {@link #upgrade(URL, String, String)} with more request headers. */
    static RawResponse upgrade(URL base, String path, String requestId, Map<String, String> headers) {
        URI uri = uri(base, path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13"
                    + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nX-Request-ID: " + requestId + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> header : headers.entrySet()) {
                out.write((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
            return new RawResponse(head.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A raw HTTP/1.1 response. */
    record RawResponse(String text) {
        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        /** The value of a response header, or null. */
        String header(String name) {
            for (String line : text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }
}
