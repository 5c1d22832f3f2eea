package dev.telemetrycdi.internal.http;

/**
 * Opens {@link RequestTelemetry}'s package-private binding to the benchmarks, so that they run the very
 * {@code bind()}/{@code unbind()} the servlet filter runs rather than a copy that could drift from it. It sits in
 * the module's package (on the class path, as the module's own tests do) and compiles against it: a change to
 * those methods breaks the benchmark build instead of silently measuring old code.
 *
 * <p>Benchmark code only; not part of the module.
 */
public final class RequestBinding {
    private RequestBinding() {
    }

    /** {@link RequestTelemetry#bind()}: the request's context becomes the thread's until {@link #unbind}. */
    public static void bind(RequestTelemetry request) {
        request.bind();
    }

    /**
     * What {@code TelemetryRequestListener} and {@code TelemetryServletFilter} record before the chain: the request
     * started before the container's security, then entered the application.
     */
    public static void startAndEnter(RequestTelemetry request) {
        request.respondsWith(null, ServerResponses.NONE);
        request.awaitFilter();
        request.enteredApplication(null);
    }

    /** {@link RequestTelemetry#unbind()}: restores the thread's previous context. */
    public static void unbind(RequestTelemetry request) {
        request.unbind();
    }
}
