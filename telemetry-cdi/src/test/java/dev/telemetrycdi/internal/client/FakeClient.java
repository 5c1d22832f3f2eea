package dev.telemetrycdi.internal.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One outgoing request as a JAX-RS client shows it to filters: its builder, its request context and a response,
 * sharing one property map as the client runtime does. Only the methods the telemetry filter uses are answered.
 */
final class FakeClient {
    final Map<String, Object> properties = new HashMap<>();
    final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    final ClientRequestContext request;
    final Invocation.Builder builder;

    FakeClient(String method, String uri) {
        request = proxy(ClientRequestContext.class, (name, args) -> switch (name) {
            case "getMethod" -> method;
            case "getUri" -> URI.create(uri);
            case "getHeaders" -> headers;
            case "getHeaderString" -> headerString((String) args[0]);
            case "getProperty" -> properties.get((String) args[0]);
            case "setProperty" -> properties.put((String) args[0], args[1]);
            default -> throw new UnsupportedOperationException(name);
        });
        builder = proxy(Invocation.Builder.class, (name, args) -> {
            if (name.equals("property")) {
                properties.put((String) args[0], args[1]);
            }
            return null;
        });
    }

    static ClientResponseContext response(int status) {
        return proxy(ClientResponseContext.class, (name, args) -> {
            if (name.equals("getStatus")) {
                return status;
            }
            throw new UnsupportedOperationException(name);
        });
    }

    /** A request context of which every method throws, as a broken or hostile client might. */
    static ClientRequestContext broken() {
        return proxy(ClientRequestContext.class, (name, args) -> {
            throw new IllegalStateException("broken " + name);
        });
    }

    private String headerString(String name) {
        List<Object> values = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).toList();
        return values.isEmpty() ? null : values.stream().map(Objects::toString).collect(Collectors.joining(","));
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        Object proxy = Proxy.newProxyInstance(FakeClient.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? self == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(self) : type.getName();
                    }
                    Object result = answer.answer(method.getName(), args);
                    return method.getName().equals("property") ? self : result;
                });
        return type.cast(proxy);
    }
}
