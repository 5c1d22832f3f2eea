package dev.telemetrycdi.it.foreign.tasks;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedThreadFactoryDefinition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import javax.naming.InitialContext;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a report in the background, the way the guides do it, through the kind of work named in the path; answers
 * the names of the request's thread and of the thread the report was built on, as {@code request|work}. {@code bare} is an executor of the application's own that leaves
 * every context but the application's as the worker thread has it: plain tasks on it (eight in a row after the
 * request's work in {@code proxy-then-plain-on-bare}) show what a worker keeps;
 * {@code defined} and {@code remaining} are an executor and a context service of its own that propagate every
 * context type ({@code Remaining}). {@code proxy} and {@code defined-proxy} run a contextual proxy made in the
 * request on a thread that is not managed. {@code shared-thread} and {@code shared-defined-thread} use thread factories
 * injected into an application-scoped bean, once, in the first request that uses it. {@code lookup} looks the default
 * executor up in JNDI; {@code failing} runs a task that throws; {@code ejb-asynchronous} and {@code ejb-executor}
 * go through a stateless session bean ({@code @Asynchronous}, and its own {@code @Resource} executor).
 */
@ContextServiceDefinition(name = ReportResource.UNCHANGED, propagated = ContextServiceDefinition.APPLICATION,
        cleared = {}, unchanged = ContextServiceDefinition.ALL_REMAINING)
@ContextServiceDefinition(name = ReportResource.REMAINING, propagated = ContextServiceDefinition.ALL_REMAINING)
@ManagedExecutorDefinition(name = ReportResource.DEFINED, context = ReportResource.REMAINING)
@ManagedThreadFactoryDefinition(name = ReportResource.DEFINED_THREADS, context = ReportResource.REMAINING)
@ManagedExecutorDefinition(name = ReportResource.BARE, context = ReportResource.UNCHANGED, maxAsync = 1)
@RequestScoped
@Path("/reports")
public class ReportResource {
    static final String UNCHANGED = "java:app/concurrent/unchanged";
    static final String BARE = "java:app/concurrent/bare";
    static final String REMAINING = "java:app/concurrent/remaining";
    static final String DEFINED = "java:app/concurrent/defined";
    static final String DEFINED_THREADS = "java:app/concurrent/defined-threads";

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ContextService contexts;

    @Resource(lookup = REMAINING)
    ContextService remaining;

    @Resource(lookup = DEFINED)
    ManagedExecutorService defined;

    @Resource(lookup = BARE)
    ManagedExecutorService bare;

    @Inject
    Reports reports;

    @Inject
    ReportArchive archive;

    @POST
    @Path("{kind}")
    public String build(@PathParam("kind") String kind, @QueryParam("token") String token) throws Exception {
        return Thread.currentThread().getName() + "|" + run(kind, token);
    }

    private String run(String kind, String token) throws Exception {
        Callable<String> work = () -> Reports.build(token);
        switch (kind) {
            case "executor":
                return executor.submit(work).get(10, TimeUnit.SECONDS);
            case "scheduled":
                return scheduler.schedule(work, 10, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
            case "future":
                return executor.supplyAsync(() -> token).thenApplyAsync(Reports::build).get(10, TimeUnit.SECONDS);
            case "asynchronous":
                return reports.buildLater(token).get(10, TimeUnit.SECONDS);
            case "thread":
                return onThread(threads, () -> Reports.build(token));
            case "proxy":
                return onThread(Thread::new, contexts.contextualCallable(work));
            case "defined":
                return defined.submit(work).get(10, TimeUnit.SECONDS);
            case "shared-thread":
                return onThread(reports.threads(), () -> Reports.build(token));
            case "shared-defined-thread":
                return onThread(reports.definedThreads(), () -> Reports.build(token));
            case "defined-proxy":
                return onThread(Thread::new, remaining.contextualCallable(work));
            case "proxy-then-plain-on-bare":
                // the request's work through a contextual proxy, then eight plain tasks, on the one-task executor
                StringBuilder ran = new StringBuilder(bare.submit(contexts.contextualCallable(work))
                        .get(10, TimeUnit.SECONDS)).append(';');
                for (int i = 0; i < 8; i++) {
                    String each = token + "-" + i;
                    ran.append(i == 0 ? "" : ",").append(bare.submit(() -> Reports.build(each))
                            .get(10, TimeUnit.SECONDS));
                }
                return ran.toString();
            case "lookup":
                ManagedExecutorService looked = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
                return looked.submit(work).get(10, TimeUnit.SECONDS);
            case "failing":
                try {
                    return executor.submit(() -> Reports.fail(token)).get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    return e.getCause().getMessage();
                }
            case "ejb-asynchronous":
                return archive.archiveLater(token).get(10, TimeUnit.SECONDS);
            case "ejb-executor":
                return archive.archiveInBackground(token);
            default:
                throw new jakarta.ws.rs.NotFoundException(kind);
        }
    }

    private static String onThread(ThreadFactory maker, Callable<String> work) throws InterruptedException {
        AtomicReference<String> ran = new AtomicReference<>();
        Thread thread = maker.newThread(() -> {
            try {
                ran.set(work.call());
            } catch (Exception e) {
                ran.set("failed: " + e);
            }
        });
        thread.start();
        thread.join(10_000);
        return ran.get();
    }
}
