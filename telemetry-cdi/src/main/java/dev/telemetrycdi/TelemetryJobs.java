package dev.telemetrycdi;

import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;

import java.util.Properties;

/**
 * Telemetry of Jakarta Batch jobs. Every batch artifact that is a CDI bean runs in its job's context (job and step
 * fields) without any code. On WildFly, the module also gives every job its listeners and the starting request's
 * {@code request.id}, {@code user.id} and trace context by itself. On Open Liberty, whose batch threads carry
 * nothing of the request, pass its {@code request.id} and {@code user.id} along in the job parameters with
 * {@link #parameters}, and name the module's listeners in the job XML for its job and step lines.
 *
 * <pre>{@code
 * Properties parameters = new Properties();
 * parameters.setProperty("store.id", "3");
 * long executionId = jobOperator.start("recompute-standings", TelemetryJobs.parameters(parameters));
 * }</pre>
 *
 * <pre>{@code
 * <job id="recompute-standings" xmlns="https://jakarta.ee/xml/ns/jakartaee" version="2.0">
 *     <listeners><listener ref="telemetryJobListener"/></listeners>
 *     <step id="recompute">
 *         <listeners><listener ref="telemetryStepListener"/></listeners>
 *         <batchlet ref="recomputeStandings"/>
 *     </step>
 * </job>
 * }</pre>
 *
 * <p>{@code telemetryJobListener} gives the job thread the job's context ({@code job.name}, {@code job.instance.id},
 * {@code job.execution.id}, and {@code request.id} / {@code user.id} from the parameters, if well-formed) and writes
 * {@code job_started} and {@code job_completed} or {@code job_failed}. {@code telemetryStepListener} adds
 * {@code step.name} and {@code step.execution.id} and writes {@code step_started} and {@code step_completed} or
 * {@code step_failed}. Both restore the thread's previous context afterwards and never throw.
 *
 * <p>Thread-safe.
 */
public final class TelemetryJobs {
    private TelemetryJobs() {
    }

    /**
     * A copy of {@code parameters} (null for none) with the current thread's {@code request.id} and {@code user.id}
     * added under those keys, unless the caller set them already or the thread has none.
     */
    public static Properties parameters(Properties parameters) {
        Properties result = new Properties();
        if (parameters != null) {
            result.putAll(parameters);
            for (String name : parameters.stringPropertyNames()) {
                result.putIfAbsent(name, parameters.getProperty(name)); // values from the defaults too
            }
        }
        Fields context = ContextStorage.current();
        addIfAbsent(result, FieldNames.REQUEST_ID, context.get(FieldNames.REQUEST_ID));
        addIfAbsent(result, FieldNames.USER_ID, context.get(FieldNames.USER_ID));
        return result;
    }

    private static void addIfAbsent(Properties parameters, String key, Object value) {
        if (value != null && !parameters.containsKey(key)) {
            parameters.setProperty(key, String.valueOf(value));
        }
    }
}
