package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guide-style web application that is not the sample (servlets, static files, a Faces page, FORM login with a
 * role-protected area and error pages), with nothing but the module's jars and two settings: every request its
 * web context answers gets exactly one {@code request_completed} line with the status the client got, the echoed
 * request id, and the outcome of the container's security; refused and redirected requests included.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignWebIT {
    private static final ForeignApp APP = ForeignApp.web("foreign-web");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void aServletRequestIsLoggedWithItsContextOnTheApplicationsOwnLines() {
        HttpResponse<String> response = Http.get(base, "/hello", "X-Request-ID", "web-hello");
        JsonObject completed = Lines.completed(APP.log(), "web-hello", response);
        assertEquals(200, response.statusCode());
        assertEquals("anonymous", text(completed, "auth.outcome"));
        JsonObject own = APP.log().request("web-hello").stream()
                .filter(line -> "Saying hello".equals(text(line, "event"))).findFirst().orElseThrow();
        assertEquals("web-hello", text(own, "request.id"));
    }

    @Test
    void aServletPathMappingGivesLabelsWithoutConfiguration() {
        HttpResponse<String> response = Http.get(base, "/orders/5", "X-Request-ID", "web-order");
        assertEquals(200, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "web-order", response);
        assertEquals(List.of("order"), Lines.labels(completed));
        assertEquals(5, LogFile.number(completed, "order.id"));
        JsonObject own = APP.log().request("web-order").stream()
                .filter(line -> "Showing order /5".equals(text(line, "event"))).findFirst().orElseThrow();
        assertEquals(5, LogFile.number(own, "order.id"));
        // a path that is not an id gives no label: labels come from the mapping's rule, never from raw text
        HttpResponse<String> other = Http.get(base, "/orders/latest", "X-Request-ID", "web-order-latest");
        assertNull(Lines.completed(APP.log(), "web-order-latest", other).get("labels"));
    }

    @Test
    void staticFilesAndFacesPagesAreLogged() {
        for (String[] page : new String[][] {{"/index.html", "web-static"}, {"/css/site.css", "web-css"},
                {"/hello.jsf", "web-faces"}}) {
            HttpResponse<String> response = Http.get(base, page[0], "X-Request-ID", page[1]);
            assertEquals(200, response.statusCode(), page[0]);
            Lines.completed(APP.log(), page[1], response);
        }
        assertTrue(Http.get(base, "/hello.jsf", "X-Request-ID", "web-faces-2").body().contains("Hello from Faces"));
    }

    @Test
    void aWebSocketUpgradeIsLoggedAndAPlainGetOnItsPathIsNotAFailure() {
        Http.RawResponse upgrade = Http.upgrade(base, "/chat", "web-ws-upgrade");
        assertEquals(101, upgrade.status(), upgrade.text());
        Lines.completed(APP.log(), "web-ws-upgrade", upgrade.status(), upgrade.header("X-Request-ID"));

        HttpResponse<String> plain = Http.get(base, "/chat", "X-Request-ID", "web-ws-plain");
        Lines.completed(APP.log(), "web-ws-plain", plain);
        Lines.assertNoFailure(APP.log(), "web-ws-plain");
    }

    @Test
    void anUnknownPathIsA404WarningNotAFailure() {
        HttpResponse<String> response = Http.get(base, "/no/such/page.html", "X-Request-ID", "web-404");
        assertEquals(404, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "web-404", response);
        assertEquals("warning", text(completed, "level"));
        Lines.assertNoFailure(APP.log(), "web-404");
    }

    @Test
    void anExceptionOfTheApplicationIsAFailure() {
        HttpResponse<String> response = Http.get(base, "/broken", "X-Request-ID", "web-broken");
        assertEquals(500, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "web-broken", response);
        assertEquals("error", text(completed, "level"));
        List<JsonObject> failed = APP.log().request("web-broken").stream()
                .filter(line -> event(line, "request_failed")).toList();
        assertEquals(1, failed.size(), "one request_failed");
        assertEquals("java.lang.IllegalStateException", text(failed.get(0), "exception.type"));
    }

    @Test
    void aProtectedPageAsksForTheLoginAndSaysSo() {
        HttpResponse<String> response = new Browser(base).get("/admin/", "web-challenge");
        // Liberty redirects to the login page, WildFly forwards to it: the line has what the client got
        assertTrue(response.statusCode() == 302 || response.statusCode() == 200, "status " + response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "web-challenge", response);
        assertEquals("required", text(completed, "auth.outcome"));
        assertEquals("/foreign-web/admin/", text(completed, "url.path"));
        assertNull(completed.get("user.id"));
    }

    @Test
    void aFailedLoginIsAWarningWithoutUser() {
        Browser browser = new Browser(base);
        browser.get("/admin/", "web-bad-login-challenge");
        HttpResponse<String> response = browser.login("alice", "not-her-password", "web-bad-login");
        JsonObject completed = Lines.completed(APP.log(), "web-bad-login", response);
        assertEquals("login_failed", text(completed, "auth.outcome"));
        assertEquals("warning", text(completed, "level"));
        assertNull(completed.get("user.id"));
        Lines.assertNoSecret(APP.log(), "not-her-password");
    }

    @Test
    void aSuccessfulLoginCarriesTheUserAndSoDoesTheProtectedPage() {
        Browser browser = new Browser(base);
        browser.get("/admin/", "web-login-challenge");
        HttpResponse<String> login = browser.login("alice", "alicepw", "web-login");
        assertEquals(302, login.statusCode());
        JsonObject loggedIn = Lines.completed(APP.log(), "web-login", login);
        assertEquals("login_succeeded", text(loggedIn, "auth.outcome"));
        assertEquals("alice", text(loggedIn, "user.id"));
        Lines.assertNoSecret(APP.log(), "alicepw");

        HttpResponse<String> admin = browser.get("/admin/", "web-admin");
        assertEquals(200, admin.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "web-admin", admin);
        assertEquals("authenticated", text(completed, "auth.outcome"));
        assertEquals("alice", text(completed, "user.id"));
    }

    @Test
    void aUserWithoutTheRoleIsDenied() {
        Browser browser = new Browser(base);
        browser.get("/admin/", "web-bob-challenge");
        browser.login("bob", "bobpw", "web-bob-login");
        HttpResponse<String> response = browser.get("/admin/", "web-bob-denied");
        assertEquals(403, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "web-bob-denied", response);
        assertEquals("denied", text(completed, "auth.outcome"));
        assertEquals("warning", text(completed, "level"));
        assertEquals("bob", text(completed, "user.id"));
    }

    @Test
    void oddPathsAndMethodsGetOneLineWithTheRealStatusAndNoLabelFromRawText() {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("web-odd-slash", "GET /orders/a%2Fb/5");
        requests.put("web-odd-dots", "GET /orders/../hello");
        requests.put("web-odd-session", "GET /hello;jsessionid=ABC123SECRET");
        requests.put("web-odd-long", "GET /orders/" + "x".repeat(3000));
        requests.put("web-odd-trace", "TRACE /hello");
        requests.put("web-odd-method", "BREW /hello");
        Map<String, Http.RawResponse> responses = new LinkedHashMap<>();
        for (Map.Entry<String, String> request : requests.entrySet()) {
            String[] line = request.getValue().split(" ", 2);
            responses.put(request.getKey(), Http.raw(base, line[0], line[1],
                    Map.of("X-Request-ID", request.getKey().getBytes(StandardCharsets.US_ASCII))));
        }
        // refused before the application's web context sees them (documented in context.md): Open Liberty's web
        // container refuses an encoded slash (CWWWC0005I) before it calls any listener or filter of the application;
        // WildFly's HTTP listener refuses TRACE (its disallowed-methods) before the request reaches any deployment
        String unseen = Server.isLiberty() ? "web-odd-slash" : "web-odd-trace";
        assertEquals(Server.isLiberty() ? 400 : 405, responses.remove(unseen).status());
        for (Map.Entry<String, Http.RawResponse> request : responses.entrySet()) {
            Http.RawResponse response = request.getValue();
            JsonObject completed = Lines.completed(APP.log(), request.getKey(), response.status(),
                    response.header("X-Request-ID"));
            Lines.assertLabelsWithin(completed, Set.of("order"));
            assertTrue(text(completed, "url.path").length() <= 2048, "url.path bounded");
        }
        Lines.assertNoSecret(APP.log(), "ABC123SECRET");
        assertTrue(APP.log().rawLines().stream().noneMatch(line -> line.contains(unseen)));
    }
}
