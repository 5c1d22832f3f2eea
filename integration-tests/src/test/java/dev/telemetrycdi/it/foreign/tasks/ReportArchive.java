package dev.telemetrycdi.it.foreign.tasks;

import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Archives reports from a stateless session bean, as the EJB tutorials do. */
@Stateless
public class ReportArchive {
    @Resource
    ManagedExecutorService executor;

    /** EJB {@code @Asynchronous}: the container runs it on its own threads. */
    @Asynchronous
    public Future<String> archiveLater(String token) {
        return new AsyncResult<>(Reports.build(token));
    }

    /** On the bean's own {@code @Resource} executor. */
    public String archiveInBackground(String token) throws Exception {
        return executor.submit(() -> Reports.build(token)).get(10, TimeUnit.SECONDS);
    }
}
