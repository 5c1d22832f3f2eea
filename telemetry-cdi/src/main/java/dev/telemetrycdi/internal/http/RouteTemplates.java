package dev.telemetrycdi.internal.http;

import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The route template of a matched JAX-RS resource method, relative to the context root: the application path,
 * the class's {@code @Path} and the method's {@code @Path}, e.g. {@code /api/orders/{id}/item/{itemId}}.
 * Computed once per resource method.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class RouteTemplates {
    private static final int MAX_CACHED = 4096;

    private final ConcurrentMap<Method, String> cache = new ConcurrentHashMap<>();

    /** The template already computed for {@code method}, or null. */
    String cached(Method method) {
        return method == null ? null : cache.get(method);
    }

    /**
     * @param appPath      the request path relative to the context root, e.g. {@code /api/orders/5}
     * @param resourcePath the same path relative to the JAX-RS application, e.g. {@code orders/5}
     * @return the template, or null when no resource method matched
     */
    String template(String appPath, String resourcePath, Class<?> resourceClass, Method method) {
        if (resourceClass == null || method == null) {
            return null;
        }
        String cached = cache.get(method);
        if (cached != null) {
            return cached;
        }
        String template = join(applicationBase(appPath, resourcePath),
                pathOf(resourceClass.getAnnotation(Path.class)), pathOf(method.getAnnotation(Path.class)));
        if (cache.size() < MAX_CACHED) {
            cache.put(method, template);
        }
        return template;
    }

    /** The application's path: {@code appPath} without its trailing {@code resourcePath}. */
    static String applicationBase(String appPath, String resourcePath) {
        String tail = trimSlashes(resourcePath == null ? "" : resourcePath);
        String path = trimTrailingSlashes(appPath);
        if (!tail.isEmpty() && path.endsWith(tail)) {
            path = path.substring(0, path.length() - tail.length());
        }
        return trimTrailingSlashes(path);
    }

    static String join(String... parts) {
        StringBuilder template = new StringBuilder();
        for (String part : parts) {
            String trimmed = trimSlashes(part);
            if (!trimmed.isEmpty()) {
                template.append('/').append(trimmed);
            }
        }
        return template.length() == 0 ? "/" : template.toString();
    }

    private static String pathOf(Path path) {
        return path == null ? "" : path.value();
    }

    private static String trimSlashes(String value) {
        int start = 0;
        while (start < value.length() && value.charAt(start) == '/') {
            start++;
        }
        return trimTrailingSlashes(value.substring(start));
    }

    private static String trimTrailingSlashes(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(0, end);
    }
}
