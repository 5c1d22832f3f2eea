package dev.telemetrycdi.internal.batch;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;

import java.util.Properties;

/** A job context with settable status; {@link #broken} makes every getter throw. */
final class FakeJobContext implements JobContext {
    final String name;
    final long executionId;
    BatchStatus status = BatchStatus.STARTED;
    String exitStatus;
    boolean broken;

    FakeJobContext(String name, long executionId) {
        this.name = name;
        this.executionId = executionId;
    }

    private void check() {
        if (broken) {
            throw new IllegalStateException("no job context on this thread");
        }
    }

    @Override
    public String getJobName() {
        check();
        return name;
    }

    @Override
    public Object getTransientUserData() {
        return null;
    }

    @Override
    public void setTransientUserData(Object data) {
    }

    @Override
    public long getInstanceId() {
        check();
        return executionId + 1000;
    }

    @Override
    public long getExecutionId() {
        check();
        return executionId;
    }

    /** The job-level properties (from the job XML). */
    final Properties properties = new Properties();

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public BatchStatus getBatchStatus() {
        check();
        return status;
    }

    @Override
    public String getExitStatus() {
        check();
        return exitStatus;
    }

    @Override
    public void setExitStatus(String status) {
        exitStatus = status;
    }
}
