package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.logging.JsonValues;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.logging.MergedFields;
import dev.telemetrycdi.internal.logging.SafeText;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Turns one structured line into one OpenTelemetry log record, with the stable Logs Bridge API only:
 *
 * <ul>
 *   <li>timestamp: the line's; severity: {@code debug}→DEBUG, {@code info}→INFO, {@code warning}→WARN,
 *       {@code error}→ERROR, {@code critical}→FATAL ({@code trace}→TRACE), severity text: the line's level name;</li>
 *   <li>body: the line's {@code event};</li>
 *   <li>trace context: rebuilt from the line's own {@code trace_id}, {@code span_id} and {@code trace_flags} (the
 *       span the line was written in, not the writer thread's), which are not repeated as attributes; a line
 *       without them gets the empty context;</li>
 *   <li>every other field, named as on the line ({@link MergedFields}): integers as long, floating-point numbers as
 *       double, booleans as boolean, a list of strings (e.g. {@code labels}), integers, floating-point numbers or
 *       booleans as an array of that type, any other list or array as its JSON text, anything else as its
 *       text; a null value is left out;</li>
 *   <li>an exception as the semantic conventions' {@code exception.type}, {@code exception.message} (when it has
 *       one) and {@code exception.stacktrace}.</li>
 * </ul>
 *
 * <p>Internal API: may change without notice. Stateless (the caches it is given are the caller's); never throws for
 * a line's values (a {@code toString()} that throws, or a collection changed while it is read, gives
 * {@value SafeText#UNPRINTABLE}).
 */
final class LogRecordMapping {
    private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey(FieldNames.EXCEPTION_TYPE);
    private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey(FieldNames.EXCEPTION_MESSAGE);
    private static final AttributeKey<String> EXCEPTION_STACKTRACE =
            AttributeKey.stringKey(FieldNames.EXCEPTION_STACKTRACE);
    private static final MergedFields.Visitor<Target> ATTRIBUTE = LogRecordMapping::attribute;

    private LogRecordMapping() {
    }

    /**
     * Fills {@code record} from {@code event} (all but the event name), keys from {@code keys}, the trace context from
     * {@code spans}; returns it.
     */
    static LogRecordBuilder fill(LogRecordBuilder record, LogEvent event, AttributeKeys keys, LineSpans spans) {
        LogLevel level = event.level() == null ? LogLevel.INFO : event.level();
        record.setTimestamp(event.epochMillis(), TimeUnit.MILLISECONDS)
                .setSeverity(severity(level))
                .setSeverityText(level.label())
                .setBody(event.event())
                .setContext(traceContext(event, spans));
        MergedFields.forEach(event, new Target(record, keys), ATTRIBUTE);
        Throwable thrown = event.thrown();
        if (thrown != null) {
            record.setAttribute(EXCEPTION_TYPE, thrown.getClass().getName());
            String message = SafeText.message(thrown);
            if (message != null) {
                record.setAttribute(EXCEPTION_MESSAGE, message);
            }
            record.setAttribute(EXCEPTION_STACKTRACE, SafeText.stackTrace(thrown));
        }
        return record;
    }

    static Severity severity(LogLevel level) {
        switch (level) {
            case TRACE: return Severity.TRACE;
            case DEBUG: return Severity.DEBUG;
            case WARNING: return Severity.WARN;
            case ERROR: return Severity.ERROR;
            case CRITICAL: return Severity.FATAL;
            default: return Severity.INFO;
        }
    }

    /** The span the line was written in, from its own fields; the empty context when it names none (or an invalid one). */
    static Context traceContext(LogEvent event, LineSpans spans) {
        Object traceId = field(event, FieldNames.TRACE_ID);
        Object spanId = field(event, FieldNames.SPAN_ID);
        if (!(traceId instanceof String) || !(spanId instanceof String)) {
            return Context.root();
        }
        Object flags = field(event, FieldNames.TRACE_FLAGS);
        return spans.context((String) traceId, (String) spanId, flags instanceof String ? (String) flags : null);
    }

    /** The line's value of {@code key}: its own field wins over the context's, as on the line. */
    private static Object field(LogEvent event, String key) {
        int own = event.fields().indexOf(key);
        if (own >= 0) {
            return event.fields().value(own);
        }
        int bound = event.context().indexOf(key);
        return bound >= 0 ? event.context().value(bound) : null;
    }

    private static void attribute(Target target, String key, Object value) {
        if (value == null || isTraceField(key)) {
            return;
        }
        LogRecordBuilder record = target.record;
        AttributeKeys keys = target.keys;
        switch (ElementType.of(value)) {
            case STRING:
                record.setAttribute(keys.string(key), (String) value);
                break;
            case LONG:
                record.setAttribute(keys.longKey(key), ((Number) value).longValue());
                break;
            case DOUBLE:
                record.setAttribute(keys.doubleKey(key), ((Number) value).doubleValue());
                break;
            case BOOLEAN:
                record.setAttribute(keys.booleanKey(key), (Boolean) value);
                break;
            default:
                if (value instanceof Collection || value.getClass().isArray()) {
                    array(target, key, value);
                } else {
                    record.setAttribute(keys.string(key), SafeText.of(value));
                }
        }
    }

    private static boolean isTraceField(String key) {
        return FieldNames.TRACE_ID.equals(key) || FieldNames.SPAN_ID.equals(key) || FieldNames.TRACE_FLAGS.equals(key);
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    /** A list or array whose elements are all of one attribute type, as an array of it; otherwise its JSON text. */
    private static void array(Target target, String key, Object value) {
        LogRecordBuilder record = target.record;
        try {
            List<?> elements = elements(value);
            switch (elementType(elements)) {
                case STRING:
                    @SuppressWarnings("unchecked") // every element is a String; the list is the record's own
                    List<String> strings = (List<String>) elements;
                    record.setAttribute(target.keys.stringArray(key), strings);
                    return;
                case LONG:
                    record.setAttribute(AttributeKey.longArrayKey(key), numbers(elements, Number::longValue));
                    return;
                case DOUBLE:
                    record.setAttribute(AttributeKey.doubleArrayKey(key), numbers(elements, Number::doubleValue));
                    return;
                case BOOLEAN:
                    @SuppressWarnings("unchecked") // every element is a Boolean; the list is the record's own
                    List<Boolean> booleans = (List<Boolean>) elements;
                    record.setAttribute(AttributeKey.booleanArrayKey(key), booleans);
                    return;
                default:
                    StringBuilder json = new StringBuilder();
                    JsonValues.appendValue(json, value);
                    record.setAttribute(target.keys.string(key), json.toString());
            }
        } catch (RuntimeException e) { // e.g. a collection changed while it was read
            record.setAttribute(target.keys.string(key), SafeText.UNPRINTABLE);
        }
    }

    /**
     * The elements of a collection or array, as a list of its own that nobody changes: an immutable list (such as
     * {@code labels}) is itself, anything else a copy, taken once, so that the checks and the record see the same
     * elements.
     */
    private static List<?> elements(Object value) {
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            for (Object element : list) {
                if (element == null) {
                    return new ArrayList<>(list); // List.copyOf takes no null
                }
            }
            return List.copyOf(list);
        }
        if (value instanceof Collection) {
            return new ArrayList<>((Collection<?>) value);
        }
        int length = Array.getLength(value);
        List<Object> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            elements.add(Array.get(value, i));
        }
        return elements;
    }

    /** Every element, a number, converted by {@code convert}. */
    private static <T> List<T> numbers(List<?> elements, Function<Number, T> convert) {
        List<T> values = new ArrayList<>(elements.size());
        for (Object element : elements) {
            values.add(convert.apply((Number) element));
        }
        return values;
    }

    /** The attribute type all {@code elements} have, {@link ElementType#MIXED} where they differ or one is null. */
    private static ElementType elementType(List<?> elements) {
        ElementType common = null;
        for (Object element : elements) {
            ElementType type = ElementType.of(element);
            if (type == ElementType.MIXED || (common != null && type != common)) {
                return ElementType.MIXED;
            }
            common = type;
        }
        return common == null ? ElementType.STRING : common; // an empty list: an empty string array, as before
    }

    /** The attribute type of a value (a field's, or an array element's); MIXED for anything else. */
    private enum ElementType {
        STRING, LONG, DOUBLE, BOOLEAN, MIXED;

        static ElementType of(Object element) {
            if (element instanceof String) {
                return STRING;
            }
            if (isInteger(element)) {
                return LONG;
            }
            if (element instanceof Double || element instanceof Float) {
                return DOUBLE;
            }
            return element instanceof Boolean ? BOOLEAN : MIXED;
        }
    }

    /** The record being filled and the keys to fill it with. */
    private record Target(LogRecordBuilder record, AttributeKeys keys) {
    }
}
