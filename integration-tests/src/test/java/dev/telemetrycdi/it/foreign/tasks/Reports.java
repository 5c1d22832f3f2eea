package dev.telemetrycdi.it.foreign.tasks;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/** Work the application runs in the background: one log line naming the work, and the thread it ran on. */
@ApplicationScoped
public class Reports {
    private static final Logger LOG = Logger.getLogger(Reports.class.getName());

    /** Injected once, in whichever request first uses this bean. */
    @Resource
    ManagedThreadFactory threads;

    /** Likewise; one the application defines, propagating {@code Remaining}. */
    @Resource(lookup = ReportResource.DEFINED_THREADS)
    ManagedThreadFactory definedThreads;

    public ManagedThreadFactory threads() {
        return threads;
    }

    public ManagedThreadFactory definedThreads() {
        return definedThreads;
    }

    static String build(String token) {
        LOG.info("report built " + token);
        return Thread.currentThread().getName();
    }

    static String fail(String token) {
        LOG.info("report built " + token);
        throw new IllegalStateException("report failed " + token);
    }

    /** Concurrency 3.0 {@code @Asynchronous}: runs on the default managed executor. */
    @Asynchronous
    public CompletableFuture<String> buildLater(String token) {
        return Asynchronous.Result.complete(build(token));
    }
}
