package dev.telemetrycdi.it;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a source of text lines until one contains every given part (output is written asynchronously). */
final class Await {
    private static final long WAIT_MS = 15_000;

    private Await() {
    }

    /** The first line of {@code source} containing every part; fails after 15 s, showing what was there. */
    static String line(Supplier<List<String>> source, String... parts) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        List<String> lines = List.of();
        while (System.currentTimeMillis() < deadline) {
            lines = source.get();
            for (String line : lines) {
                if (List.of(parts).stream().allMatch(line::contains)) {
                    return line;
                }
            }
            LogFile.sleep();
        }
        throw new AssertionError("no line with " + List.of(parts) + " in:\n" + String.join("\n", lines));
    }

    /** Waits until {@code condition} holds; fails after 15 s with {@code what}. */
    static void until(BooleanSupplier condition, String what) {
        until(condition, what, Duration.ofMillis(WAIT_MS));
    }

    /** Waits until {@code condition} holds; fails after {@code atMost} with {@code what}. */
    static void until(BooleanSupplier condition, String what, Duration atMost) {
        long deadline = System.currentTimeMillis() + atMost.toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("waited " + atMost.toSeconds() + " s for " + what);
            }
            LogFile.sleep();
        }
    }
}
