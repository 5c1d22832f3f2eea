package dev.telemetrycdi.it.probe;

import dev.telemetrycdi.EventLogger;
import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;

/** A bean with a Jakarta Concurrency {@code @Asynchronous} method, run on the one-thread executor of the probe. */
@ApplicationScoped
public class AsyncProbe {
    private static final EventLogger log = EventLogger.get(AsyncProbe.class);

    @Asynchronous(executor = ExecutorProbe.SINGLE)
    public CompletableFuture<String> recompute(boolean fail) {
        log.info("probe_async");
        if (fail) {
            throw new IllegalStateException("probe async failure");
        }
        return Asynchronous.Result.complete(Thread.currentThread().getName());
    }
}
