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

import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A quickstart-style Jakarta REST application that is not the sample (BASIC authentication, a security
 * constraint, a {@code @RolesAllowed} method), with nothing but the module's jars and two settings: the route, the
 * status the client got, the caller and the outcome of the container's security on one line per request, refused
 * requests included.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignRestIT {
    private static final ForeignApp APP = ForeignApp.rest("foreign-rest");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void aResourceRequestHasItsRouteAndContext() {
        HttpResponse<String> response = Http.get(base, "/api/items/7", "X-Request-ID", "rest-item");
        assertEquals(200, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "rest-item", response);
        assertEquals("/api/items/{id}", text(completed, "http.route"));
        assertEquals(java.util.List.of("item"), Lines.labels(completed));
        assertEquals(7, LogFile.number(completed, "item.id"));
        assertEquals("anonymous", text(completed, "auth.outcome"));
        JsonObject own = APP.log().request("rest-item").stream()
                .filter(line -> "Reading item 7".equals(text(line, "event"))).findFirst().orElseThrow();
        assertEquals("rest-item", text(own, "request.id"));
    }

    @Test
    void nestedRouteParametersGiveOneLabelEachWithoutConfiguration() {
        HttpResponse<String> response = Http.get(base, "/api/orders/3/lines/4", "X-Request-ID", "rest-line");
        assertEquals(200, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "rest-line", response);
        assertEquals("/api/orders/{orderId}/lines/{lineId}", text(completed, "http.route"));
        assertEquals(java.util.List.of("order", "line"), Lines.labels(completed));
        assertEquals(3, LogFile.number(completed, "order.id"));
        assertEquals(4, LogFile.number(completed, "line.id"));
    }

    @Test
    void aNotFoundOfTheApplicationIsAWarningNotAFailure() {
        HttpResponse<String> response = Http.get(base, "/api/items/999", "X-Request-ID", "rest-404");
        assertEquals(404, response.statusCode());
        assertEquals("warning", text(Lines.completed(APP.log(), "rest-404", response), "level"));
        Lines.assertNoFailure(APP.log(), "rest-404");
    }

    @Test
    void anUnknownPathAndAnUnsupportedMethodGetTheirRealStatus() {
        HttpResponse<String> missing = Http.get(base, "/api/nothing/here", "X-Request-ID", "rest-missing");
        assertEquals(404, missing.statusCode());
        Lines.completed(APP.log(), "rest-missing", missing);
        Lines.assertNoFailure(APP.log(), "rest-missing");
        HttpResponse<String> method = Http.send(base, "PUT", "/api/items/7", "X-Request-ID", "rest-405");
        assertEquals(405, method.statusCode());
        Lines.completed(APP.log(), "rest-405", method);
        Lines.assertNoFailure(APP.log(), "rest-405");
    }

    @Test
    void aProtectedResourceWithoutCredentialsRequiresAuthentication() {
        HttpResponse<String> response = Http.get(base, "/api/account", "X-Request-ID", "rest-no-credentials");
        assertEquals(401, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "rest-no-credentials", response);
        assertEquals("required", text(completed, "auth.outcome"));
        assertNull(completed.get("user.id"));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutUserOrSecret() {
        HttpResponse<String> response = Http.get(base, "/api/account", "X-Request-ID", "rest-wrong-password",
                "Authorization", Http.basic("alice", "wrong-password-x"));
        assertEquals(401, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "rest-wrong-password", response);
        assertEquals("required", text(completed, "auth.outcome"));
        assertNull(completed.get("user.id"));
        Lines.assertNoSecret(APP.log(), "wrong-password-x");
        Lines.assertNoSecret(APP.log(), Http.basic("alice", "wrong-password-x").substring(6));
    }

    @Test
    void anAuthenticatedCallerIsOnTheLine() {
        HttpResponse<String> response = Http.get(base, "/api/account", "X-Request-ID", "rest-alice",
                "Authorization", Http.basic("alice", "alicepw"));
        assertEquals(200, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "rest-alice", response);
        assertEquals("alice", text(completed, "user.id"));
        assertEquals("authenticated", text(completed, "auth.outcome"));
    }

    @Test
    void aCallerWithoutTheRoleIsDeniedAndOneWithItIsNot() {
        HttpResponse<String> denied = Http.send(base, "DELETE", "/api/items/7", "X-Request-ID", "rest-bob-delete",
                "Authorization", Http.basic("bob", "bobpw"));
        assertEquals(403, denied.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "rest-bob-delete", denied);
        assertEquals("denied", text(completed, "auth.outcome"));
        assertEquals("bob", text(completed, "user.id"));
        assertEquals("warning", text(completed, "level"));

        HttpResponse<String> allowed = Http.send(base, "DELETE", "/api/items/7", "X-Request-ID",
                "rest-alice-delete", "Authorization", Http.basic("alice", "alicepw"));
        assertEquals(204, allowed.statusCode());
        assertEquals("alice", text(Lines.completed(APP.log(), "rest-alice-delete", allowed), "user.id"));
    }

    @Test
    void theContainerDeniesACallerWithoutTheRoleAndSaysWho() {
        HttpResponse<String> response = Http.get(base, "/api/admin/stats", "X-Request-ID", "rest-bob-admin",
                "Authorization", Http.basic("bob", "bobpw"));
        assertEquals(403, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "rest-bob-admin", response);
        assertEquals("denied", text(completed, "auth.outcome"));
        assertEquals("bob", text(completed, "user.id"));
    }
}
