package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.api.logs.LogRecordBuilder;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Sets a log record's EventName (OTLP {@code LogRecord.event_name}) where the application may: in OpenTelemetry
 * API 1.48, which both servers ship, only the incubator's {@code ExtendedLogRecordBuilder.setEventName} does it
 * (the stable {@code LogRecordBuilder.setEventName} comes with 1.50). It is used where the application's class loader
 * resolves the incubator: WildFly shows it to deployments, and Open Liberty 26.0.0.3 with {@code +third-party}
 * resolves it although it does not list it as API; elsewhere records have no event name. The deprecated
 * {@code event.name} attribute is never written.
 *
 * <p>Only a line whose event is a name ({@link #isName}: no blanks, as the module's and {@code EventLogger}'s events
 * are) gets one; a bridged record's message does not.
 *
 * <p>Internal API: may change without notice. Thread-safe (immutable); never throws.
 */
final class EventNames {
    static final EventNames NONE = new EventNames(null, null);
    private static final String INCUBATOR = "io.opentelemetry.api.incubator.logs.ExtendedLogRecordBuilder";
    private static final int MAX_NAME = 128;

    private final Class<?> extended;
    private final MethodHandle setEventName;

    private EventNames(Class<?> extended, MethodHandle setEventName) {
        this.extended = extended;
        this.setEventName = setEventName;
    }

    /** Event names through the incubator, if {@code application} sees it; {@link #NONE} otherwise. */
    static EventNames of(ClassLoader application) {
        try {
            Class<?> extended = Class.forName(INCUBATOR, false, application);
            MethodHandle handle = MethodHandles.publicLookup()
                    .unreflect(extended.getMethod("setEventName", String.class))
                    .asType(MethodType.methodType(void.class, LogRecordBuilder.class, String.class));
            return new EventNames(extended, handle);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return NONE;
        }
    }

    /** Whether records get an event name at all. */
    boolean available() {
        return extended != null;
    }

    /** Sets {@code event} as the record's event name when it is a name and the builder supports it. */
    void set(LogRecordBuilder record, String event) {
        if (extended == null || !extended.isInstance(record) || !isName(event)) {
            return;
        }
        try {
            setEventName.invokeExact(record, event);
        } catch (Throwable e) { // invokeExact declares Throwable; the record is emitted without a name
            if (e instanceof Error && !(e instanceof LinkageError)) {
                throw (Error) e;
            }
        }
    }

    /** 1 to 128 characters without blanks or control characters, e.g. {@code request_completed}. */
    static boolean isName(String event) {
        if (event == null || event.isEmpty() || event.length() > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < event.length(); i++) {
            char c = event.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
