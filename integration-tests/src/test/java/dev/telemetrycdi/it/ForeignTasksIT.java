package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application that runs its work through managed executors, thread factories, context services and
 * {@code @Asynchronous} the way the guides write it (obtained with {@code @Resource} or a JNDI lookup, no line of
 * telemetry-cdi's API) gets the request's context on the work's own lines, and task lines for executor tasks, on
 * both servers: the module decorates the server's default resources injected into CDI beans, JAX-RS resources,
 * servlets and session beans, and its Jakarta Concurrency {@code ThreadContextProvider} carries the context of the
 * rest wherever the server applies it. Concurrent submissions keep their own context, and a worker thread keeps
 * nothing after the work.
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
    @ValueSource(strings = {"defined", "defined-proxy"})
    void workOnTheApplicationsOwnDefinitionsCarriesTheRequestsContext(String kind) {
        assertCarried(kind);
    }

    /** The server's default resources, injected with {@code @Resource}: decorated by the module on both servers. */
    @ParameterizedTest
    @ValueSource(strings = {"thread", "proxy"})
    void threadsAndProxiesOfTheServersDefaultResourcesCarryTheRequestsContext(String kind) {
        JsonObject line = assertCarried(kind);
        assertNull(line.get("task.id"), "a thread or a proxy is not a task: " + line);
    }

    /**
     * Tasks on the server's default executors injected with {@code @Resource} into a JAX-RS resource
     * ({@code executor}, {@code scheduled}, {@code future}: {@code supplyAsync} then {@code thenApplyAsync}, whose
     * line is written in the dependent stage) and into a stateless session bean ({@code ejb-executor}): the
     * request's context and the task lines, the work's line within its task.
     */
    @ParameterizedTest
    @ValueSource(strings = {"executor", "scheduled", "future", "ejb-executor"})
    void tasksOnTheServersDefaultExecutorsCarryTheRequestsContextAndWriteTaskLines(String kind) {
        JsonObject line = assertCarried(kind);
        assertTaskLines(line, "tasks-" + kind, kind.equals("future") ? "CompletableFuture.UniApply"
                : kind.equals("ejb-executor") ? "ReportArchive" : "ReportResource");
    }

    /** Jakarta Concurrency's {@code @Asynchronous} on a CDI bean: each run is a task, in the caller's context. */
    @Test
    void aConcurrencyAsynchronousMethodCarriesTheCallersContextAndWritesTaskLines() {
        JsonObject line = assertCarried("asynchronous");
        assertTaskLines(line, "tasks-asynchronous", "Reports.buildLater");
    }

    /**
     * EJB's {@code @Asynchronous} on a stateless session bean: both servers hand the call to their own thread
     * before any interceptor runs (the module's interceptors see the container's thread, never the caller's), so each
     * run is a task without the caller's context, and the start-up line says so with the fix. If this fails, the
     * server has changed: update context.md.
     */
    @Test
    void anEjbAsynchronousMethodIsATaskWithoutTheCallersContextAndSaidSoAtStartUp() {
        HttpResponse<String> response = build("ejb-asynchronous", "t-ejb-asynchronous", "tasks-ejb-asynchronous");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject line = report("t-ejb-asynchronous");
        assertNull(line.get("request.id"), "the server now carries it to EJB @Asynchronous: " + line);
        assertEquals("ReportArchive.archiveLater", text(line, "task.name"), line.toString());
        String taskId = text(line, "task.id");
        APP.log().await(l -> event(l, "task_completed") && taskId.equals(text(l, "task.id")));
        assertTrue(hooks("hooks.missed").stream().anyMatch(missed -> missed.startsWith(
                "tasks dev.telemetrycdi.it.foreign.tasks.ReportArchive.archiveLater (EJB @Asynchronous): ")
                && missed.contains("fix: ")), hooks("hooks.missed").toString());
    }

    /**
     * The start-up line names every decorated field (JAX-RS resource, servlet, session bean, application-scoped
     * bean: the container announces the injection target of each) and the Concurrency {@code @Asynchronous}
     * method; the application's own definitions are left as they are.
     */
    @Test
    void theStartUpLineNamesWhatWasHooked() {
        String pkg = "tasks dev.telemetrycdi.it.foreign.tasks.";
        assertEquals(Set.of(pkg + "ReportResource.executor", pkg + "ReportResource.scheduler",
                pkg + "ReportResource.threads", pkg + "ReportResource.contexts", pkg + "ReportServlet.executor",
                pkg + "ReportArchive.executor", pkg + "Reports.threads", pkg + "Reports.buildLater (@Asynchronous)"),
                hooks("hooks").stream().filter(hook -> hook.startsWith("tasks ")).collect(Collectors.toSet()));
    }

    private static List<String> hooks(String key) {
        JsonObject initialized = APP.log().await(l -> event(l, "telemetry_initialized"));
        return initialized.containsKey(key) ? initialized.getJsonArray(key).getValuesAs(JsonString::getString)
                : List.of();
    }

    /** A servlet's {@code @Resource ManagedExecutorService}: the servlet is decorated too. */
    @Test
    void aServletsDefaultExecutorCarriesTheRequestsContextAndWritesTaskLines() {
        HttpResponse<String> response = Http.send(base, "POST", "/report-servlet?token=t-servlet", "X-Request-ID",
                "tasks-servlet");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject line = report("t-servlet");
        assertEquals("tasks-servlet", text(line, "request.id"), line.toString());
        assertTaskLines(line, "tasks-servlet", "ReportServlet");
    }

    /** A task that throws: {@code task_failed} at error with the exception, the application gets it unchanged. */
    @Test
    void aTaskThatThrowsWritesTaskFailed() {
        HttpResponse<String> response = build("failing", "t-failing", "tasks-failing");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().endsWith("|report failed t-failing"), "the task's own exception: " + response.body());
        JsonObject line = report("t-failing");
        assertEquals("tasks-failing", text(line, "request.id"), line.toString());
        JsonObject failed = APP.log().await(l -> event(l, "task_failed")
                && text(line, "task.id").equals(text(l, "task.id")));
        assertEquals("tasks-failing", text(failed, "request.id"), failed.toString());
        assertEquals("ReportResource", text(failed, "task.name"), failed.toString());
        assertEquals("error", text(failed, "level"), failed.toString());
        assertEquals("java.lang.IllegalStateException", text(failed, "exception.type"), failed.toString());
        assertTrue(failed.getJsonNumber("duration_ms").doubleValue() >= 0, failed.toString());
        assertTrue(APP.log().lines().stream().noneMatch(l -> event(l, "task_completed")
                && text(line, "task.id").equals(text(l, "task.id"))), "no task_completed for a failed task");
    }

    /**
     * The default executor looked up in JNDI (no injection the module could decorate): WildFly applies the
     * module's provider to it, so the work carries the request's context, without task lines; Open Liberty's
     * default context service clears it. If this fails on Liberty, Liberty has changed: update context.md.
     */
    @Test
    void aLookedUpDefaultExecutorCarriesTheContextOnWildFlyOnlyAndWritesNoTaskLines() {
        HttpResponse<String> response = build("lookup", "t-lookup", "tasks-lookup");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject line = report("t-lookup");
        assertNull(line.get("task.id"), "not decorated, no task: " + line);
        if (Server.isLiberty()) {
            assertNull(line.get("request.id"), "Open Liberty's default executor now carries it: " + line);
        } else {
            assertEquals("tasks-lookup", text(line, "request.id"), line.toString());
        }
    }

    private JsonObject assertCarried(String kind) {
        String id = "tasks-" + kind;
        HttpResponse<String> response = build(kind, "t-" + kind, id);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject line = report("t-" + kind);
        assertEquals(id, text(line, "request.id"), kind + " on " + response.body() + ": " + line);
        String[] threads = response.body().split("\\|");
        assertNotEquals(threads[0], threads[1], "the work ran on another thread than the request");
        return line;
    }

    /** {@code task_started} and {@code task_completed} of the task that wrote {@code line}, in the request's context. */
    private static void assertTaskLines(JsonObject line, String requestId, String taskName) {
        String taskId = text(line, "task.id");
        assertNotNull(taskId, "the work ran as a task: " + line);
        assertEquals(taskName, text(line, "task.name"), line.toString());
        JsonObject started = APP.log().await(l -> event(l, "task_started") && taskId.equals(text(l, "task.id")));
        JsonObject completed = APP.log().await(l -> event(l, "task_completed") && taskId.equals(text(l, "task.id")));
        for (JsonObject task : List.of(started, completed)) {
            assertEquals(requestId, text(task, "request.id"), task.toString());
            assertEquals(taskName, text(task, "task.name"), task.toString());
        }
        assertTrue(completed.getJsonNumber("duration_ms").doubleValue() >= 0, completed.toString());
        assertEquals(1, APP.log().lines().stream().filter(l -> event(l, "task_started")
                && taskId.equals(text(l, "task.id"))).count(), "one task_started per run");
    }

    /**
     * A thread factory injected once into an application-scoped bean, then used by two requests. The server's
     * default one ({@code shared-thread}) is decorated: each thread carries the request that created it, on both
     * servers. One the application defines ({@code shared-defined-thread}, {@code Remaining}) is the server's: WildFly
     * captures the module's context at {@code newThread}; Open Liberty captures it when the factory is looked up or
     * injected (the specification's wording: the context of the component that looked it up), so every thread gets
     * the context of the request in which the bean was created (documented in context.md; if this fails on Liberty,
     * Liberty has changed).
     */
    @ParameterizedTest
    @ValueSource(strings = {"shared-thread", "shared-defined-thread"})
    void aSharedThreadFactoryCapturesPerThreadUnlessLibertysOwnDefinition(String kind) {
        // the bean (and its factories) exists before the two requests: created by this one or an earlier one
        assertEquals(200, build("asynchronous", "warm-" + kind, "tasks-warm-" + kind).statusCode());
        List<JsonObject> lines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = "tasks-" + kind + "-" + i;
            HttpResponse<String> response = build(kind, "s-" + kind + "-" + i, id);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject line = report("s-" + kind + "-" + i);
            lines.add(line);
            if (!Server.isLiberty() || kind.equals("shared-thread")) {
                assertEquals(id, text(line, "request.id"), line.toString());
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
        String[] kinds = {"executor", "future", "thread", "proxy"};
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        // 8, not more: on Open Liberty the request threads and the default executor's share one pool, which grows
        // only slowly; 16 requests each waiting for its task starved it past the 10 s the application waits
        for (int i = 0; i < 8; i++) {
            int n = i;
            calls.add(CompletableFuture.supplyAsync(() -> build(kinds[n % kinds.length], "c-" + n,
                    "tasks-concurrent-" + n)));
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(200, calls.get(i).join().statusCode());
            JsonObject line = report("c-" + i);
            assertEquals("tasks-concurrent-" + i, text(line, "request.id"), line.toString());
            if (line.containsKey("task.id")) {
                String taskId = text(line, "task.id");
                JsonObject completed = APP.log().await(l -> event(l, "task_completed")
                        && taskId.equals(text(l, "task.id")));
                assertEquals("tasks-concurrent-" + i, text(completed, "request.id"), completed.toString());
            }
        }
    }

    /**
     * A plain task on the application's {@code bare} executor (which leaves the module's context as the worker
     * has it) after a contextual proxy of the server's default context service (decorated) ran the request's work
     * on such a worker: it sees none of it.
     */
    @Test
    void aWorkerKeepsNothingAfterTheWork() {
        int sameThread = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = build("proxy-then-plain-on-bare", "w-" + i, "tasks-worker-" + i);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("tasks-worker-" + i, text(report("w-" + i), "request.id"));
            String[] workers = worker(response).split(";");
            List<String> plainThreads = List.of(workers[1].split(","));
            for (int k = 0; k < plainThreads.size(); k++) {
                JsonObject line = report("w-" + i + "-" + k);
                assertNull(line.get("request.id"), "a plain task on a worker sees no request's context: " + line);
                assertFalse(line.containsKey("labels"), line.toString());
            }
            if (plainThreads.contains(workers[0])) {
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
