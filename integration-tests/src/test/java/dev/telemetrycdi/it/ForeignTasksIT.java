package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application that runs its work through managed executors, thread factories, context services and
 * {@code @Asynchronous} (obtained with {@code @Resource}, no line of telemetry-cdi's API) gets the request's context
 * on the work's own lines, through the module's Jakarta Concurrency {@code ThreadContextProvider}, wherever the
 * server applies it: on WildFly for its default resources too, on Open Liberty only for resources the application
 * defines (which propagate {@code Remaining} unless told otherwise); concurrent submissions keep their own context,
 * and a worker thread keeps nothing after the work.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignTasksIT {
    private static final ForeignApp APP = ForeignApp.tasks("foreign-tasks");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    /** What an application defines itself with the specification's default ({@code propagated = Remaining}). */
    @ParameterizedTest
    @ValueSource(strings = {"defined", "defined-proxy", "asynchronous"})
    void workOnTheApplicationsOwnDefinitionsCarriesTheRequestsContext(String kind) {
        assertCarried(kind);
    }

    /**
     * The server's default resources: WildFly's default context service propagates every context type, so the
     * module's provider runs; Open Liberty's ({@code DefaultContextService}: class loader and Jakarta EE metadata
     * context, plus security with appSecurity) propagates none of the application's, so nothing is carried there.
     * If this ever fails on Liberty, Liberty has changed: update docs/telemetry/context.md.
     */
    @ParameterizedTest
    @ValueSource(strings = {"executor", "scheduled", "future", "thread", "proxy"})
    void workOnTheServersDefaultResourcesCarriesTheRequestsContextOnWildFlyOnly(String kind) {
        if (Server.isLiberty()) {
            String id = "tasks-" + kind;
            HttpResponse<String> response = build(kind, "t-" + kind, id);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject line = report("t-" + kind);
            assertNull(line.get("request.id"), "Open Liberty's default " + kind + " now carries it: " + line);
            assertEquals(id, text(APP.log().completed(id), "request.id"), "the module runs");
        } else {
            assertCarried(kind);
        }
    }

    private void assertCarried(String kind) {
        String id = "tasks-" + kind;
        HttpResponse<String> response = build(kind, "t-" + kind, id);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject line = report("t-" + kind);
        assertEquals(id, text(line, "request.id"), kind + " on " + response.body() + ": " + line);
        String[] threads = response.body().split("\\|");
        assertNotEquals(threads[0], threads[1], "the work ran on another thread than the request");
    }

    /**
     * A thread factory injected once into an application-scoped bean, then used by two requests. WildFly captures the
     * module's context at {@code newThread}: each thread carries the request that created it. Open Liberty captures
     * it when the factory is looked up or injected (the specification's wording: the context of the component that
     * looked it up): its default factory clears the module's context, and one the application defines with
     * {@code Remaining} gives every thread the context of the request in which the bean was created (documented
     * in context.md; if this fails on Liberty, Liberty has changed).
     */
    @ParameterizedTest
    @ValueSource(strings = {"shared-thread", "shared-defined-thread"})
    void aSharedThreadFactoryCapturesPerThreadOnWildFlyAndAtInjectionOnLiberty(String kind) {
        // the bean (and its factories) exists before the two requests: created by this one or an earlier one
        assertEquals(200, build("asynchronous", "warm-" + kind, "tasks-warm-" + kind).statusCode());
        List<JsonObject> lines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = "tasks-" + kind + "-" + i;
            HttpResponse<String> response = build(kind, "s-" + kind + "-" + i, id);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject line = report("s-" + kind + "-" + i);
            lines.add(line);
            if (!Server.isLiberty()) {
                assertEquals(id, text(line, "request.id"), line.toString());
            } else if (kind.equals("shared-thread")) {
                assertNull(line.get("request.id"), line.toString());
            } else {
                assertNotEquals(id, text(line, "request.id"), "captured at injection, not per thread: " + line);
            }
        }
        if (Server.isLiberty() && kind.equals("shared-defined-thread")) {
            assertEquals(text(lines.get(0), "request.id"), text(lines.get(1), "request.id"), lines.toString());
            assertTrue(text(lines.get(0), "request.id").startsWith("tasks-"), lines.toString());
        }
    }

    @Test
    void concurrentSubmissionsKeepTheirOwnContext() {
        String kind = Server.isLiberty() ? "defined" : "executor";
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            calls.add(CompletableFuture.supplyAsync(() -> build(kind, "c-" + n, "tasks-concurrent-" + n)));
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(200, calls.get(i).join().statusCode());
            JsonObject line = report("c-" + i);
            assertEquals("tasks-concurrent-" + i, text(line, "request.id"), line.toString());
        }
    }

    /**
     * A plain task on the application's {@code bare} executor (which leaves the module's context as the worker
     * has it) after a contextual proxy ran the request's work on such a worker: it sees none of it.
     */
    @Test
    void aWorkerKeepsNothingAfterTheWork() {
        int sameThread = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> first = build("proxy-on-bare", "w-" + i, "tasks-worker-" + i);
            HttpResponse<String> plain = build("plain-on-bare", "p-" + i, "tasks-plain-" + i);
            assertEquals(200, first.statusCode(), first.body());
            assertEquals(200, plain.statusCode(), plain.body());
            assertEquals("tasks-worker-" + i, text(report("w-" + i), "request.id"));
            List<String> plainThreads = List.of(worker(plain).split(","));
            for (int k = 0; k < plainThreads.size(); k++) {
                JsonObject line = report("p-" + i + "-" + k);
                assertNull(line.get("request.id"), "a plain task on a worker sees no request's context: " + line);
                assertFalse(line.containsKey("labels"), line.toString());
            }
            if (plainThreads.contains(worker(first))) {
                sameThread++;
            }
        }
        assertTrue(sameThread > 0, "the plain task never ran on the worker that had run the request's work");
    }

    private static String worker(HttpResponse<String> response) {
        return response.body().substring(response.body().indexOf('|') + 1);
    }

    private HttpResponse<String> build(String kind, String token, String requestId) {
        return Http.send(base, "POST", "/api/reports/" + kind + "?token=" + token, "X-Request-ID", requestId);
    }

    private JsonObject report(String token) {
        return APP.log().await(line -> ("report built " + token).equals(text(line, "event")));
    }
}
