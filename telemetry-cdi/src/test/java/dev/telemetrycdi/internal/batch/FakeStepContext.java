package dev.telemetrycdi.internal.batch;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.StepContext;

import java.io.Serializable;
import java.util.Properties;

/** A step context with settable status and exception. */
final class FakeStepContext implements StepContext {
    final String name;
    final long executionId;
    BatchStatus status = BatchStatus.STARTED;
    String exitStatus;
    Exception exception;

    FakeStepContext(String name, long executionId) {
        this.name = name;
        this.executionId = executionId;
    }

    @Override
    public String getStepName() {
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
    public long getStepExecutionId() {
        return executionId;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public Serializable getPersistentUserData() {
        return null;
    }

    @Override
    public void setPersistentUserData(Serializable data) {
    }

    @Override
    public BatchStatus getBatchStatus() {
        return status;
    }

    @Override
    public String getExitStatus() {
        return exitStatus;
    }

    @Override
    public void setExitStatus(String status) {
        exitStatus = status;
    }

    @Override
    public Exception getException() {
        return exception;
    }

    @Override
    public Metric[] getMetrics() {
        return new Metric[0];
    }
}
