package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;

/**
 * The key/values of one line in output order, each key once: the context fields first, then the event's own
 * fields. An event field with the same key as a context field wins and takes the context field's position.
 *
 * <p>A field named like a part of the line's envelope ({@code timestamp}, {@code level}, {@code event},
 * {@code logger}, and the {@code exception.*} fields when the line carries an exception) is written as
 * {@code fields.<name>} instead, so that it neither duplicates nor overwrites the envelope; if that name is
 * itself taken by another field, the renamed one is left out.
 *
 * <p>Public for the other outputs of a line (the OTLP log records), which name their fields as the line does.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless); never throws for null keys (skipped).
 */
public final class MergedFields {
    static final String RENAMED_PREFIX = "fields.";

    /** Receives one field; implementations are non-capturing so that no lambda is allocated per line. */
    public interface Visitor<T> {
        void field(T target, String key, Object value);
    }

    private MergedFields() {
    }

    public static <T> void forEach(LogEvent event, T target, Visitor<T> visitor) {
        Fields context = event.context();
        Fields own = event.fields();
        boolean hasException = event.thrown() != null;
        for (int i = 0; i < context.size(); i++) {
            String key = context.key(i);
            if (key != null) {
                int mine = indexOf(own, key);
                emit(context, own, hasException, key, mine >= 0 ? own.value(mine) : context.value(i), target,
                        visitor);
            }
        }
        for (int i = 0; i < own.size(); i++) {
            String key = own.key(i);
            if (key != null && indexOf(context, key) < 0) {
                emit(context, own, hasException, key, own.value(i), target, visitor);
            }
        }
    }

    private static <T> void emit(Fields context, Fields own, boolean hasException, String key, Object value,
                                 T target, Visitor<T> visitor) {
        if (isReserved(key, hasException)) {
            String renamed = RENAMED_PREFIX + key;
            if (indexOf(context, renamed) >= 0 || indexOf(own, renamed) >= 0) {
                return;
            }
            visitor.field(target, renamed, value);
        } else {
            visitor.field(target, key, value);
        }
    }

    /** Whether {@code key} is a name the line's envelope writes itself. */
    static boolean isReserved(String key, boolean hasException) {
        switch (key) {
            case FieldNames.TIMESTAMP:
            case FieldNames.LEVEL:
            case FieldNames.EVENT:
            case FieldNames.LOGGER:
                return true;
            case FieldNames.EXCEPTION_TYPE:
            case FieldNames.EXCEPTION_MESSAGE:
            case FieldNames.EXCEPTION_STACKTRACE:
                return hasException;
            default:
                return false;
        }
    }

    /** Like {@link Fields#indexOf} but tolerant of a null key among the fields. */
    private static int indexOf(Fields fields, String key) {
        for (int i = 0; i < fields.size(); i++) {
            if (key.equals(fields.key(i))) {
                return i;
            }
        }
        return -1;
    }
}
