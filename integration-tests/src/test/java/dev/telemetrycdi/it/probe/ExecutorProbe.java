package dev.telemetrycdi.it.probe;

import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.TelemetryContext;
import dev.telemetrycdi.TelemetryExecutors;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedTaskListener;
import jakarta.enterprise.concurrent.Trigger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test-only resource added to the sample WAR by {@code ExecutorIT}: hands one task to a one-thread managed
 * scheduled executor, wrapped by {@link TelemetryExecutors#wrap}, through the entry point named in the path, waits
 * for it, and answers what the task's own listener saw on the worker thread right after the task ({@code taskDone})
 * and what a plain (unwrapped) task submitted next saw.
 */
@ContextServiceDefinition(name = ExecutorProbe.WRAPPER_ONLY, propagated = {ContextServiceDefinition.APPLICATION,
        ContextServiceDefinition.SECURITY}, cleared = {}, unchanged = ContextServiceDefinition.ALL_REMAINING)
@ManagedExecutorDefinition(name = ExecutorProbe.SINGLE, context = ExecutorProbe.WRAPPER_ONLY, maxAsync = 1)
@ManagedScheduledExecutorDefinition(name = ExecutorProbe.SINGLE_SCHEDULED, context = ExecutorProbe.WRAPPER_ONLY,
        maxAsync = 1)
@RequestScoped
@Path("/probe/executor")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutorProbe {
    /**
     * Leaves the module's context type (and every other third-party one) as the thread has it, so that only the
     * wrapper carries context here and a plain task shows what a worker keeps (ForeignTasksIT covers what the
     * server's own propagation does).
     */
    static final String WRAPPER_ONLY = "java:app/concurrent/wrapper-only";
    static final String SINGLE = "java:app/concurrent/single";
    static final String SINGLE_SCHEDULED = "java:app/concurrent/single-scheduled";
    public static final String TASK = "probe_task";
    private static final EventLogger log = EventLogger.get(ExecutorProbe.class);
    private static final Trigger ONCE = new Trigger() {
        @Override
        public Date getNextRunTime(LastExecution last, Date scheduled) {
            return last == null ? new Date() : null;
        }

        @Override
        public boolean skipRun(LastExecution last, Date scheduled) {
            return false;
        }
    };

    @Resource(lookup = SINGLE_SCHEDULED)
    ManagedScheduledExecutorService single;

    @Inject
    AsyncProbe async;

    @POST
    @Path("{entry}")
    public String run(@PathParam("entry") String entry) throws Exception {
        ManagedScheduledExecutorService executor = TelemetryExecutors.wrap(single);
        String requestThread = Thread.currentThread().getName();
        AtomicReference<String> taskThread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        Callable<String> body = () -> {
            log.info("probe_task_ran", "entry", entry);
            taskThread.set(Thread.currentThread().getName());
            ran.countDown();
            return "done";
        };
        DoneListener done = new DoneListener();
        Callable<String> task = TelemetryExecutors.named(TASK, ManagedExecutors.managedTask(body, done));
        Runnable runnable = TelemetryExecutors.named(TASK, ManagedExecutors.managedTask((Runnable) () -> {
            call(body);
        }, done));
        switch (entry) {
            case "execute" -> executor.execute(runnable);
            case "submit-runnable" -> executor.submit(runnable).get();
            case "submit-runnable-result" -> executor.submit(runnable, "r").get();
            case "submit-callable" -> executor.submit(task).get();
            case "invokeAll" -> executor.invokeAll(List.of(task)).get(0).get();
            case "invokeAll-timeout" -> executor.invokeAll(List.of(task), 10, TimeUnit.SECONDS).get(0).get();
            case "invokeAny" -> executor.invokeAny(List.of(task));
            case "invokeAny-timeout" -> executor.invokeAny(List.of(task), 10, TimeUnit.SECONDS);
            case "schedule-runnable" -> executor.schedule(runnable, 1, TimeUnit.MILLISECONDS).get();
            case "schedule-callable" -> executor.schedule(task, 1, TimeUnit.MILLISECONDS).get();
            case "schedule-trigger-runnable" -> executor.schedule(runnable, ONCE).get();
            case "schedule-trigger-callable" -> executor.schedule(task, ONCE).get();
            case "fixed-rate" -> once(executor.scheduleAtFixedRate(runnable, 0, 1, TimeUnit.HOURS), ran);
            case "fixed-delay" -> once(executor.scheduleWithFixedDelay(runnable, 0, 1, TimeUnit.HOURS), ran);
            case "runAsync" -> executor.runAsync(runnable).get();
            case "supplyAsync" -> executor.supplyAsync(() -> call(body)).get();
            case "double" -> TelemetryExecutors.wrap(executor).submit(task).get();
            case "asynchronous" -> taskThread.set(async.recompute(false).get(10, TimeUnit.SECONDS));
            case "asynchronous-failing" -> failed(() -> async.recompute(true).get(10, TimeUnit.SECONDS));
            case "failing" -> failed(() -> executor.submit(TelemetryExecutors.named(TASK, () -> {
                throw new IllegalStateException("probe failure");
            })).get());
            default -> throw new jakarta.ws.rs.NotFoundException(entry);
        }
        if (!entry.startsWith("asynchronous") && !entry.equals("failing")) {
            ran.await(10, TimeUnit.SECONDS);
        }
        Thread.sleep(50); // the wrapper's finally follows the task body: let it restore before the plain task
        AtomicReference<String> plainThread = new AtomicReference<>();
        Map<String, Object> plain = single.submit(() -> {
            plainThread.set(Thread.currentThread().getName());
            return TelemetryContext.current();
        }).get();
        JsonObjectBuilder seen = Json.createObjectBuilder();
        plain.forEach((key, value) -> seen.add(key, String.valueOf(value)));
        JsonObjectBuilder answer = Json.createObjectBuilder().add("entry", entry).add("plainContext", seen)
                .add("requestThread", requestThread)
                .add("plainThread", plainThread.get());
        if (taskThread.get() != null) {
            answer.add("taskThread", taskThread.get());
        }
        if (done.finished.await(entry.startsWith("asynchronous") || entry.equals("supplyAsync") ? 0 : 10,
                TimeUnit.SECONDS)) {
            JsonObjectBuilder after = Json.createObjectBuilder();
            done.context.forEach((key, value) -> after.add(key, String.valueOf(value)));
            answer.add("doneThread", done.thread).add("doneContext", after);
        }
        return answer.build().toString();
    }

    private static String call(Callable<String> body) {
        try {
            return body.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void once(ScheduledFuture<?> periodic, CountDownLatch ran) throws InterruptedException {
        ran.await(10, TimeUnit.SECONDS);
        periodic.cancel(false);
    }

    private interface Failing {
        void run() throws Exception;
    }

    /** The failure reaches the caller through the future, as the specification says. */
    private static void failed(Failing call) throws Exception {
        try {
            call.run();
            throw new IllegalStateException("expected the task to fail");
        } catch (ExecutionException expected) {
            log.info("probe_task_failure_seen", "cause", expected.getCause().getClass().getName());
        }
    }

    /**
     * The task's {@code ManagedTaskListener} (kept by the wrapper): {@code taskDone} runs on the worker thread right
     * after the task, so what it sees is what the wrapper left on that thread.
     */
    private static final class DoneListener implements ManagedTaskListener {
        final CountDownLatch finished = new CountDownLatch(1);
        volatile Map<String, Object> context;
        volatile String thread;

        @Override
        public void taskDone(Future<?> future, ManagedExecutorService executor, Object task, Throwable failure) {
            context = TelemetryContext.current();
            thread = Thread.currentThread().getName();
            finished.countDown();
        }

        @Override
        public void taskSubmitted(Future<?> future, ManagedExecutorService executor, Object task) {
        }

        @Override
        public void taskAborted(Future<?> future, ManagedExecutorService executor, Object task, Throwable failure) {
        }

        @Override
        public void taskStarting(Future<?> future, ManagedExecutorService executor, Object task) {
        }
    }
}
