package dev.telemetrycdi.internal.client;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.ws.rs.ProcessingException;

import java.net.URI;

/**
 * The fields and the level of an {@code http_client_request} line. The URL's query is never written: it is where
 * web APIs take their keys ({@code ?key=...}).
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
final class ClientLine {
    static final int MAX_URL_PATH = 2048;

    private ClientLine() {
    }

    static Fields responded(String method, URI uri, int status, double durationMs) {
        return target(method, uri).put(FieldNames.HTTP_RESPONSE_STATUS_CODE, status)
                .put(FieldNames.DURATION_MS, durationMs).build();
    }

    static Fields failed(String method, URI uri, Throwable failure, double durationMs) {
        return target(method, uri).put(FieldNames.ERROR_TYPE, errorType(failure))
                .put(FieldNames.DURATION_MS, durationMs).build();
    }

    /**
     * {@code info} for an answer below 400, {@code warning} otherwise, a failure without response (status -1)
     * included: the line reports what another system did; whether that is an error of this application shows in
     * the outcome of its own request.
     */
    static LogLevel levelOf(int status) {
        return status >= 100 && status < 400 ? LogLevel.INFO : LogLevel.WARNING;
    }

    /** The class name of what ended the call: the cause inside the client's {@code ProcessingException}s. */
    static String errorType(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < 8 && current instanceof ProcessingException; depth++) {
            Throwable cause = current.getCause();
            if (cause == null || cause == current) {
                break;
            }
            current = cause;
        }
        return current.getClass().getName();
    }

    /** server.port: the URI's port, else the scheme's default (as the semantic conventions ask). */
    static int portOf(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        String scheme = uri.getScheme();
        if ("https".equalsIgnoreCase(scheme)) {
            return 443;
        }
        return "http".equalsIgnoreCase(scheme) ? 80 : -1;
    }

    private static Fields.Builder target(String method, URI uri) {
        Fields.Builder fields = Fields.builder(6).put(FieldNames.HTTP_REQUEST_METHOD, method);
        if (uri == null) {
            return fields;
        }
        String host = uri.getHost();
        if (host != null) {
            boolean ipv6 = host.length() > 2 && host.startsWith("[") && host.endsWith("]");
            fields.put(FieldNames.SERVER_ADDRESS, ipv6 ? host.substring(1, host.length() - 1) : host);
        }
        int port = portOf(uri);
        if (port >= 0) {
            fields.put(FieldNames.SERVER_PORT, port);
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty()) {
            fields.put(FieldNames.URL_PATH, path.length() <= MAX_URL_PATH ? path : path.substring(0, MAX_URL_PATH));
        }
        return fields;
    }
}
