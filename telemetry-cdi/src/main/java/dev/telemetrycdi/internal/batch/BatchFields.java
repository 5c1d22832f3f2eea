package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.context.PrintableText;
import dev.telemetrycdi.internal.context.RequestIds;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;

import java.util.Properties;

/**
 * The context of batch work: a job's {@code job.name}, {@code job.instance.id}, {@code job.execution.id} and the
 * submitter's {@code request.id} and {@code user.id} from the job parameters or, without them, the job-level
 * properties (kept only when well-formed), and a step's {@code step.name} and {@code step.execution.id}.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
final class BatchFields {
    static final int MAX_USER_ID = PrintableText.MAX_USER_ID;

    private BatchFields() {
    }

    /** The job's fields; {@code parameters} may be null (then no submitter fields). */
    static Fields job(JobContext job, Properties parameters) {
        Fields.Builder fields = Fields.builder(5);
        String name = job.getJobName();
        if (name != null) {
            fields.put(FieldNames.JOB_NAME, name);
        }
        fields.put(FieldNames.JOB_INSTANCE_ID, job.getInstanceId())
                .put(FieldNames.JOB_EXECUTION_ID, job.getExecutionId());
        Properties properties = properties(job);
        String requestId = submitter(parameters, properties, FieldNames.REQUEST_ID);
        if (RequestIds.isAcceptable(requestId)) {
            fields.put(FieldNames.REQUEST_ID, requestId);
        }
        String userId = submitter(parameters, properties, FieldNames.USER_ID);
        if (isAcceptableUser(userId)) {
            fields.put(FieldNames.USER_ID, userId);
        }
        return fields.build();
    }

    /**
     * {@code context} with the trace fields of {@code current} (the thread's context: the job span's ids, which the
     * job's run bound), unless it has its own: a step or an artifact call stays in the job's trace.
     */
    static Fields inTraceOf(Fields context, Fields current) {
        if (context.indexOf(FieldNames.TRACE_ID) >= 0 || current.indexOf(FieldNames.TRACE_ID) < 0) {
            return context;
        }
        return context.with(FieldNames.TRACE_ID, current.get(FieldNames.TRACE_ID))
                .with(FieldNames.SPAN_ID, current.get(FieldNames.SPAN_ID))
                .with(FieldNames.TRACE_FLAGS, current.get(FieldNames.TRACE_FLAGS));
    }

    /**
     * The submitter parameters of {@code parameters} (null for none) that are present but not acceptable: parameter
     * name to the reason. The values are never kept.
     */
    static java.util.Map<String, String> ignored(Properties parameters) {
        java.util.Map<String, String> ignored = new java.util.LinkedHashMap<>(2);
        if (parameters != null) {
            String requestId = parameters.getProperty(FieldNames.REQUEST_ID);
            if (requestId != null && !RequestIds.isAcceptable(requestId)) {
                ignored.put(FieldNames.REQUEST_ID, RequestIds.REJECTED);
            }
            String userId = parameters.getProperty(FieldNames.USER_ID);
            if (userId != null && !isAcceptableUser(userId)) {
                ignored.put(FieldNames.USER_ID, "not 1-" + MAX_USER_ID + " printable characters");
            }
        }
        return ignored;
    }

    /**
     * A submitter field: from the job parameters, else from the job-level properties (where, on WildFly,
     * {@link TelemetryJobXmlResolver} puts the starting thread's ids).
     */
    private static String submitter(Properties parameters, Properties properties, String name) {
        String value = parameters == null ? null : parameters.getProperty(name);
        return value != null || properties == null ? value : properties.getProperty(name);
    }

    private static Properties properties(JobContext job) {
        try {
            return job.getProperties();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The step's fields. */
    static Fields step(StepContext step) {
        Fields.Builder fields = Fields.builder(2);
        String name = step.getStepName();
        if (name != null) {
            fields.put(FieldNames.STEP_NAME, name);
        }
        return fields.put(FieldNames.STEP_EXECUTION_ID, step.getStepExecutionId()).build();
    }

    /** A principal's name, by the rule for every user id that arrives from outside ({@link PrintableText}). */
    static boolean isAcceptableUser(String candidate) {
        return PrintableText.isUserId(candidate);
    }
}
