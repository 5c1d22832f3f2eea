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
import java.util.List;

import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An application filter binds its own field around the chain, before JAX-RS matches the route: the resource's line,
 * the filter's line after the chain and, once the filter's scope is closed, its next line all carry the route's
 * labels; the tenant is on the lines inside the filter's scope only.
 */
@ExtendWith(ArquillianExtension.class)
class NestedScopesIT {
    private static final ForeignApp APP = ForeignApp.scopes("nested-scopes");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void anApplicationScopeInsideTheChainKeepsTheRoutesLabelsAndLeavesNothingBehind() {
        HttpResponse<String> response = Http.get(base, "/api/projects/41", "X-Request-ID", "scopes-41",
                "X-Tenant", "acme");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject read = line("project_read");
        assertEquals("acme", text(read, "tenant"));
        assertEquals(List.of("project"), Lines.labels(read));
        assertEquals(41, number(read, "project.id"));

        JsonObject done = line("tenant_request_done");
        assertEquals("acme", text(done, "tenant"), done.toString());
        assertEquals(List.of("project"), Lines.labels(done), done.toString());
        assertEquals(41, number(done, "project.id"), done.toString());

        JsonObject closed = line("tenant_scope_closed");
        assertFalse(closed.containsKey("tenant"), closed.toString());
        assertEquals(List.of("project"), Lines.labels(closed), "the route's labels outlive the filter's scope");
        assertEquals(41, number(closed, "project.id"), closed.toString());

        JsonObject completed = Lines.completed(APP.log(), "scopes-41", response);
        assertFalse(completed.containsKey("tenant"), completed.toString());
        assertEquals(List.of("project"), Lines.labels(completed));
    }

    /**
     * The application's {@code Application} lists its classes, as many quickstarts write it, and names none of the
     * module's: the module's JAX-RS filters run all the same (the route template is on the line). Listing classes
     * turns the server's {@code @Provider} scan off; the module's {@code Feature}, loaded from
     * {@code META-INF/services}, registers them instead.
     */
    @Test
    void anApplicationThatListsItsClassesNeedsNotNameTheModulesFilters() {
        HttpResponse<String> response = Http.get(base, "/api/projects/7", "X-Request-ID", "scopes-listed-7");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject completed = Lines.completed(APP.log(), "scopes-listed-7", response);
        assertEquals("/api/projects/{projectId}", text(completed, "http.route"), completed.toString());
        assertEquals(7, number(completed, "project.id"));
    }

    private static JsonObject line(String event) {
        return APP.log().await(line -> event.equals(text(line, "event")) && "scopes-41".equals(text(line, "request.id")));
    }
}
