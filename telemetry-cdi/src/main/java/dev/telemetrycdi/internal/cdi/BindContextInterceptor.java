package dev.telemetrycdi.internal.cdi;

import dev.telemetrycdi.BindContext;
import dev.telemetrycdi.ContextField;
import dev.telemetrycdi.internal.context.CapturedValues;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Implements {@link BindContext}: binds the {@link ContextField} parameters of the call on top of the current
 * context, proceeds, and restores the previous context on return and on exception (rethrown unchanged).
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
@BindContext
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class BindContextInterceptor {
    static final int MAX_TEXT = 256;
    private static final String[] NONE = new String[0];

    private final ConcurrentMap<Method, String[]> fieldNames = new ConcurrentHashMap<>();

    @Inject
    Running running;

    @AroundInvoke
    public Object bind(InvocationContext invocation) throws Exception {
        Fields fields = contextOf(invocation);
        if (fields == null) {
            return invocation.proceed();
        }
        try (ContextStorage.Scope scope = ContextStorage.attach(fields)) {
            return invocation.proceed();
        }
    }

    /** The context to run the call in, or null to run it as it is; never throws into the application's call. */
    private Fields contextOf(InvocationContext invocation) {
        try {
            Method method = invocation.getMethod();
            if (method == null || !running.active()) {
                return null;
            }
            String[] names = fieldNames.computeIfAbsent(method, BindContextInterceptor::namesOf);
            if (names.length == 0) {
                return null;
            }
            Fields fields = ContextStorage.current();
            Object[] arguments = invocation.getParameters();
            for (int i = 0; i < names.length && i < arguments.length; i++) {
                if (names[i] != null && arguments[i] != null) {
                    fields = fields.with(names[i], valueOf(arguments[i]));
                }
            }
            return fields;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    static String[] namesOf(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        String[] names = new String[annotations.length];
        boolean any = false;
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof ContextField && !((ContextField) annotation).value().isEmpty()) {
                    names[i] = ((ContextField) annotation).value();
                    any = true;
                }
            }
        }
        return any ? names : NONE;
    }

    /**
     * Numbers and booleans as they are; anything else as its text now, of at most {@value #MAX_TEXT} characters
     * ({@code "<unprintable>"} if its {@code toString()} throws: the application's method runs all the same).
     */
    static Object valueOf(Object argument) {
        if (argument instanceof Long || argument instanceof Integer || argument instanceof Short
                || argument instanceof Byte || argument instanceof Double || argument instanceof Float
                || argument instanceof Boolean) {
            return argument;
        }
        return CapturedValues.text(argument, MAX_TEXT);
    }
}
