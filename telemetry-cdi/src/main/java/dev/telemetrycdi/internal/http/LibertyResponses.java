package dev.telemetrycdi.internal.http;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Open Liberty: the response of a request through the public {@code getResponse()} method of Liberty's request
 * class (the web container's own accessor; Liberty offers applications no other way to reach the response of a
 * request its security refuses). Looked up once for the request class, called through a method handle.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class LibertyResponses implements ServerResponses {
    private final Class<?> requestClass;
    private final MethodHandle getResponse;

    private LibertyResponses(Class<?> requestClass, MethodHandle getResponse) {
        this.requestClass = requestClass;
        this.getResponse = getResponse;
    }

    /** The lookup for requests of {@code request}'s class, or null when that class has no usable accessor. */
    static LibertyResponses of(ServletRequest request) {
        try {
            Class<?> type = request.getClass();
            Method method = type.getMethod("getResponse");
            if (!Modifier.isPublic(method.getDeclaringClass().getModifiers()) || method.getParameterCount() != 0) {
                return null;
            }
            LibertyResponses lookup = new LibertyResponses(type, MethodHandles.publicLookup().unreflect(method));
            return lookup.responseOf(request) != null ? lookup : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    @Override
    public HttpServletResponse responseOf(ServletRequest request) {
        if (request.getClass() != requestClass) {
            return null;
        }
        try {
            Object response = getResponse.invoke(request);
            return response instanceof HttpServletResponse ? (HttpServletResponse) response : null;
        } catch (Throwable e) { // MethodHandle.invoke declares Throwable; nothing of it may reach the request
            return null;
        }
    }

    @Override
    public String toString() {
        return "Open Liberty (" + requestClass.getName() + ".getResponse())";
    }
}
