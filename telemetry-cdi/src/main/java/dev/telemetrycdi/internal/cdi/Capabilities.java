package dev.telemetrycdi.internal.cdi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which optional parts of the module are on in one application: a {@link Capability} is on exactly when the
 * application's class loader sees its API. Decided once, when CDI starts ({@code OptionalApiExtension}); everything
 * else asks this object, so no code of an absent API is ever loaded.
 *
 * <p>Internal API: may change without notice. Immutable, thread-safe.
 */
public final class Capabilities {
    /** Every capability on: for code that runs without the extension (unit tests). */
    public static final Capabilities ALL = new Capabilities(EnumSet.allOf(Capability.class));

    private final Set<Capability> on;

    private Capabilities(Set<Capability> on) {
        this.on = Collections.unmodifiableSet(on);
    }

    /** The capabilities whose API {@code loader} sees; never throws. */
    public static Capabilities detect(ClassLoader loader) {
        Set<Capability> on = EnumSet.noneOf(Capability.class);
        for (Capability capability : Capability.values()) {
            if (visible(capability, loader)) {
                on.add(capability);
            }
        }
        return new Capabilities(on);
    }

    private static boolean visible(Capability capability, ClassLoader loader) {
        try {
            for (String name : capability.apiClasses()) {
                Class.forName(name, false, loader);
            }
            return true;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    public boolean has(Capability capability) {
        return on.contains(capability);
    }

    /** The labels of the capabilities that are off, in declaration order ({@code capabilities.off}). */
    public List<String> off() {
        List<String> off = new ArrayList<>();
        for (Capability capability : Capability.values()) {
            if (!has(capability)) {
                off.add(capability.label());
            }
        }
        return off;
    }

    /** The one start-up message {@code TCDI0007I} naming what is off and what would switch it on; null if all is on. */
    public String offMessage() {
        List<String> hints = new ArrayList<>();
        for (Capability capability : Capability.values()) {
            if (!has(capability)) {
                hints.add(capability.label() + " (" + capability.enabledBy() + ")");
            }
        }
        if (hints.isEmpty()) {
            return null;
        }
        return "TCDI0007I: telemetry-cdi runs without " + String.join(", ", off()) + ": the server offers the"
                + " application no API for them. HTTP lines, context and logging are unaffected. If the application"
                + " uses them, enable: " + String.join("; ", hints) + ".";
    }

    @Override
    public String toString() {
        return "Capabilities" + on;
    }
}
