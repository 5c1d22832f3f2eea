package dev.telemetrycdi.internal.logging;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes UTC timestamps without a formatter per call: the {@code yyyy-MM-ddTHH:mm:ss} text of a second is
 * computed once and reused for every line written in that second.
 *
 * <p>Internal API: may change without notice. Thread-safe: the cached second is an immutable object published
 * through a volatile field, so racing threads at worst compute the same text twice.
 */
final class UtcTimestamps {
    private volatile Second cached = new Second(Long.MIN_VALUE, "");

    /** Appends e.g. {@code 2026-01-20T14:32:15.123Z} (ISO-8601, UTC, milliseconds). */
    void appendIso(long epochMillis, StringBuilder out) {
        out.append(secondText(Math.floorDiv(epochMillis, 1000L))).append('.');
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10)).append('Z');
    }

    /** Appends e.g. {@code 2026-01-20 14:32:15} (UTC, whole seconds). */
    void appendPlain(long epochMillis, StringBuilder out) {
        String text = secondText(Math.floorDiv(epochMillis, 1000L));
        int t = text.length() - 9; // the 'T' before HH:mm:ss
        out.append(text, 0, t).append(' ').append(text, t + 1, text.length());
    }

    private String secondText(long epochSecond) {
        Second second = cached;
        if (second.epochSecond != epochSecond) {
            second = new Second(epochSecond, render(epochSecond));
            cached = second;
        }
        return second.text;
    }

    /** Every {@code long} of milliseconds maps into LocalDateTime's range, so this cannot throw. */
    private static String render(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(24);
        int year = t.getYear();
        if (year > 9999) {
            text.append('+').append(year);
        } else if (year < 0) {
            pad(text.append('-'), -year, 4);
        } else {
            pad(text, year, 4);
        }
        pad(text.append('-'), t.getMonthValue(), 2);
        pad(text.append('-'), t.getDayOfMonth(), 2);
        pad(text.append('T'), t.getHour(), 2);
        pad(text.append(':'), t.getMinute(), 2);
        pad(text.append(':'), t.getSecond(), 2);
        return text.toString();
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    private static final class Second {
        final long epochSecond;
        final String text;

        Second(long epochSecond, String text) {
            this.epochSecond = epochSecond;
            this.text = text;
        }
    }
}
