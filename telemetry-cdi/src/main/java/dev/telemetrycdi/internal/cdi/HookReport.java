package dev.telemetrycdi.internal.cdi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the module hooked in one application, and what it could not hook with the fix: filled while the application
 * deploys (CDI extension, servlet container initializer), read once by {@code TelemetryRuntime} for the start-up
 * lines ({@code hooks} in {@code telemetry_initialized}, one {@code TCDI0009W} per class it could not hook).
 *
 * <p>Entries read {@code "<capability> <what>"}, e.g. {@code "websocket com.acme.ChatEndpoint"} or
 * {@code "http servlet filter and request listener"}; a class is recorded once whatever the number of calls.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class HookReport {
    private final Set<String> hooked = new LinkedHashSet<>();
    private final Set<String> missed = new LinkedHashSet<>();
    private Consumer<List<String>> late = hooked -> { };

    /** {@code what} (a class name, or a short phrase) of {@code capability} (a {@link Capability} label or http) runs with the module. */
    public synchronized void hooked(String capability, String what) {
        hooked.add(capability + " " + what);
    }

    /**
     * {@code what} of {@code capability} runs without the module: {@code why} (one clause) and {@code fix} (what the
     * team changes, exactly) are said once at start-up.
     */
    public synchronized void missed(String capability, String what, String why, String fix) {
        missed.add(capability + " " + what + ": " + why + "; fix: " + fix);
    }

    /** What was hooked, in the order it was recorded. */
    public synchronized List<String> hooked() {
        return Collections.unmodifiableList(new ArrayList<>(hooked));
    }

    /** What was not, each with why and the fix, in the order it was recorded. */
    public synchronized List<String> missed() {
        return Collections.unmodifiableList(new ArrayList<>(missed));
    }

    /** Where hooks made after the application started are said ({@code telemetry_hooked}); set once the module runs. */
    public synchronized void onLate(Consumer<List<String>> announcer) {
        late = announcer == null ? hooked -> { } : announcer;
    }

    /**
     * Says {@code added} (hooks made once the application had started: WildFly's WebSocket endpoints that the
     * application adds in a listener) where {@link #onLate} asked; nothing while the module does not run.
     */
    public void announceLate(List<String> added) {
        Consumer<List<String>> announcer;
        synchronized (this) {
            announcer = late;
        }
        if (!added.isEmpty()) {
            announcer.accept(List.copyOf(added));
        }
    }
}
