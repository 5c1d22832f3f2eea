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

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code user.id} comes from the authenticated principal, on every line of the request, and only then. */
@ExtendWith(ArquillianExtension.class)
class UserIdIT {
    private static final SampleApp APP = SampleApp.named("user-id");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void anAuthenticatedRequestCarriesTheUser() {
        HttpResponse<String> response = Http.get(base, "/api/users/me", "X-Request-ID", "user-alice",
                "Authorization", Http.basic("alice", "alicepw"));
        assertEquals(200, response.statusCode());
        assertEquals("alice", text(APP.log().completed("user-alice"), "user.id"));
        JsonObject profile = APP.log().request("user-alice").stream()
                .filter(line -> event(line, "profile_loaded")).findFirst().orElseThrow();
        assertEquals("alice", text(profile, "user.id"));
    }

    @Test
    void anAnonymousRequestHasNoUser() {
        Http.get(base, "/api/tournaments/5/", "X-Request-ID", "user-anonymous");
        assertNull(APP.log().completed("user-anonymous").get("user.id"));
    }

    @Test
    void wrongCredentialsAreRefusedWithoutUser() {
        HttpResponse<String> response = Http.get(base, "/api/users/me", "X-Request-ID", "user-wrong",
                "Authorization", Http.basic("alice", "wrong"));
        assertEquals(401, response.statusCode());
        // on both servers, also where the container's security answers before any filter (WildFly)
        JsonObject completed = Lines.completed(APP.log(), "user-wrong", response);
        assertNull(completed.get("user.id"));
        assertEquals("required", text(completed, "auth.outcome"));
    }
}
