package dev.telemetrycdi.internal.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@link Setting}s from a key lookup by one set of rules, for every reader of the module's settings (the
 * logging settings, the tracing opt-in): a value is trimmed, an absent one is the setting's default under the active
 * profile, one parser per type, and a value that does not parse is replaced by the default and reported in one
 * format, {@code TCDI0001W}, naming the property, its environment variable, what is allowed and what is used.
 *
 * <p>Internal API: may change without notice. Not thread-safe: one reader per reading.
 */
public final class SettingReader {
    /** The MicroProfile Config key that names the active profile. */
    public static final String PROFILE_PROPERTY = "mp.config.profile";

    private final Function<String, Optional<String>> lookup;
    private final String profile;
    private final List<String> problems = new ArrayList<>();

    /** @param lookup answers a property name with its configured value, if any */
    public SettingReader(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
        this.profile = lookup.apply(PROFILE_PROPERTY).map(String::trim).filter(p -> !p.isEmpty()).orElse(null);
    }

    /** The active profile, or null. */
    public String profile() {
        return profile;
    }

    /** What was invalid so far, one {@code TCDI0001W} message per value. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The setting's value as configured (trimmed), or its default. */
    public String raw(Setting setting) {
        return lookup.apply(setting.property()).map(String::trim).orElse(setting.defaultFor(profile));
    }

    /** The setting's value, empty when neither configured nor defaulted. */
    public Optional<String> text(Setting setting) {
        String value = raw(setting);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public boolean bool(Setting setting) {
        return parsed(setting, SettingReader::parseBoolean, "true, false");
    }

    /** A ratio from 0 to 1. */
    public double ratio(Setting setting) {
        return parsed(setting, SettingReader::parseRatio, "a ratio from 0 to 1");
    }

    /** The value parsed by {@code parser}; an unparsable one is reported and replaced by the default. */
    public <T> T parsed(Setting setting, Function<String, Optional<T>> parser, String allowed) {
        String value = raw(setting);
        Optional<T> result = parser.apply(value);
        if (result.isPresent()) {
            return result.get();
        }
        String fallback = setting.defaultFor(profile);
        reject(setting, value, fallback, "allowed: " + allowed);
        return parser.apply(fallback).orElseThrow();
    }

    /** Reports {@code value} of {@code setting}, replaced by {@code used}, because of {@code why}. */
    public void reject(Setting setting, String value, String used, String why) {
        problems.add(String.format(Locale.ROOT,
                "TCDI0001W: Invalid value '%s' for %s (environment variable %s): %s. Using '%s' instead.",
                printable(value), setting.property(), setting.envVar(), why, used));
    }

    /** {@code true/yes/on/1} and {@code false/no/off/0}, in any case; anything else is no boolean. */
    public static Optional<Boolean> parseBoolean(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1": return Optional.of(Boolean.TRUE);
            case "false": case "no": case "off": case "0": return Optional.of(Boolean.FALSE);
            default: return Optional.empty();
        }
    }

    static Optional<Double> parseRatio(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            return value >= 0 && value <= 1 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A value made safe to print in one line: control characters escaped, at most 80 characters. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 80; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= 80) {
            out.append("...");
        }
        return out.toString();
    }
}
