package dev.telemetrycdi;

import dev.telemetrycdi.internal.context.CapturedValues;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;

import java.util.Map;

/**
 * The context bound to the current thread: fields that every log line written on this thread carries, such
 * as {@code request.id}, {@code user.id}, {@code labels} and {@code order.id}.
 *
 * <pre>{@code
 * try (ContextScope scope = TelemetryContext.bind("match.id", 7, "round", 2)) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Values are taken when they are bound: strings, numbers and booleans as they are, collections and arrays
 * copied, anything else as its {@code toString()} at that moment (a {@code toString()} that throws gives
 * {@code "<unprintable>"}). Nothing here throws into the caller.
 *
 * <p>Thread-safe: each thread sees its own context.
 */
public final class TelemetryContext {
    private TelemetryContext() {
    }

    /**
     * Binds alternating keys and values on top of the current context until the returned scope is closed.
     * A later binding of a key shadows an earlier one; closing restores it.
     */
    public static ContextScope bind(Object... keyValues) {
        return bindFields(Fields.captured(keyValues));
    }

    /** Binds every entry of {@code fields} on top of the current context until the scope is closed. */
    public static ContextScope bind(Map<String, ?> fields) {
        Fields added = Fields.EMPTY;
        if (fields != null) {
            try {
                Fields.Builder builder = Fields.builder(fields.size());
                for (Map.Entry<String, ?> entry : fields.entrySet()) {
                    if (entry.getKey() != null && !entry.getKey().isEmpty()) {
                        builder.put(entry.getKey(), CapturedValues.capture(entry.getValue()));
                    }
                }
                added = builder.build();
            } catch (RuntimeException e) {
                added = Fields.EMPTY; // a map that fails while it is read binds nothing
            }
        }
        return bindFields(added);
    }

    /** A read-only copy of the fields bound on this thread, in binding order. */
    public static Map<String, Object> current() {
        return ContextStorage.current().toMap();
    }

    private static ContextScope bindFields(Fields added) {
        ContextStorage.Scope scope = ContextStorage.attach(ContextStorage.current().withAll(added));
        return scope::close;
    }
}
