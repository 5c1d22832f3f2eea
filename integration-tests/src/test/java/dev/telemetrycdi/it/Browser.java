package dev.telemetrycdi.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A client that keeps cookies (a session, a login) and, like a test should, does not follow redirects. */
final class Browser {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final URL base;

    Browser(URL base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String requestId) {
        return send(HttpRequest.newBuilder(Http.uri(base, path)).GET(), requestId);
    }

    /** Posts the FORM login of {@code user}. */
    HttpResponse<String> login(String user, String password, String requestId) {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(Http.uri(base, "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), requestId);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String requestId) {
        try {
            return client.send(request.header("X-Request-ID", requestId).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
