package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.Emitter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Says once per job execution which submitter parameters ({@code request.id}, {@code user.id}) were dropped: one
 * {@code job_parameter_ignored} line (level warning) per parameter, with {@code job.parameter} and the
 * {@code reason}, never the value. Remembers the last {@value #REMEMBERED} executions it reported.
 *
 * <p>An application-scoped bean added by {@link BatchBeans}. Internal API: may change without notice. Thread-safe.
 */
public class IgnoredParameters {
    static final int REMEMBERED = 64;

    private final Map<Long, Boolean> reported = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Writes the lines for {@code parameters} of the job whose context is {@code job}, unless already written. */
    void report(Fields job, long executionId, Properties parameters) {
        Map<String, String> ignored = BatchFields.ignored(parameters);
        if (ignored.isEmpty()) {
            return;
        }
        synchronized (reported) {
            if (reported.put(executionId, Boolean.TRUE) != null) {
                return;
            }
        }
        ignored.forEach((name, reason) -> Emitter.emitModule(LogLevel.WARNING, BatchLines.LOGGER,
                FieldNames.EVENT_JOB_PARAMETER_IGNORED, job,
                Fields.of(FieldNames.JOB_PARAMETER, name, FieldNames.REASON, reason), null));
    }
}
