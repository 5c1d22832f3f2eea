package dev.telemetrycdi.internal.concurrent;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A contextual object of a decorated {@link TelemetryContextService}: every call on its interfaces runs the
 * server's contextual object (which applies the server's context) inside the context captured when it was made.
 * The server's object's exceptions pass through unchanged.
 *
 * <p>Internal API: may change without notice. Thread-safe (immutable).
 */
final class BoundProxy implements InvocationHandler {
    final Object target;
    private final BoundContext context;

    private BoundProxy(Object target, BoundContext context) {
        this.target = target;
        this.context = context;
    }

    /** {@code target} (the server's contextual object) bound to {@code context}, as {@code interfaces}. */
    static Object of(Object target, BoundContext context, Class<?>... interfaces) {
        ClassLoader loader = target.getClass().getClassLoader();
        return Proxy.newProxyInstance(loader != null ? loader : BoundProxy.class.getClassLoader(), interfaces,
                new BoundProxy(target, context));
    }

    /** The server's contextual object behind {@code proxy}, or {@code proxy} if it is not one of these. */
    static Object unwrap(Object proxy) {
        if (proxy != null && Proxy.isProxyClass(proxy.getClass())
                && Proxy.getInvocationHandler(proxy) instanceof BoundProxy) {
            return ((BoundProxy) Proxy.getInvocationHandler(proxy)).target;
        }
        return proxy;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("equals") ? proxy == args[0] : method.invoke(target, args);
        }
        try {
            return context.call(() -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw new Rethrown(e.getCause());
                }
            });
        } catch (Rethrown e) {
            throw e.getCause();
        }
    }

    /** Carries the target's own exception out of the context's scope, to be thrown unchanged. */
    private static final class Rethrown extends Exception {
        private static final long serialVersionUID = 1L;

        Rethrown(Throwable cause) {
            super(null, cause, false, false);
        }
    }
}
