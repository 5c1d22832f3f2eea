package dev.telemetrycdi.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a freshly started server until it is warm, so that what is measured afterwards is the server's compiled code
 * and not its JIT compiler at work. With the server on one core, Open Liberty compiles almost all the time for the
 * first two and a half minutes of load (about 4,000–8,000 ms of JIT time per 5 s slice) while its throughput climbs
 * from about 250 to about 6,500 requests per second, with plateaus of half a minute on the way; then the compiler
 * falls nearly idle at once. A fixed short warm-up, or waiting for a steady throughput, measures a server still
 * compiling.
 *
 * <p>Warm means: at least {@code minimum} of load, and over the last {@value #WINDOW} slices the JIT compiler worked
 * at most {@value #COMPILING_PERCENT} % of the time (the JVM's own count, {@code CompilationMXBean}). It gives up at
 * {@code maximum} and says so.
 *
 * @param slice   one load slice
 * @param minimum load before warmth is looked for
 * @param maximum load after which the server counts as warm whatever it does
 */
record WarmUp(Duration slice, Duration minimum, Duration maximum) {
    static final int WINDOW = 6;
    static final int COMPILING_PERCENT = 2;

    /** The JIT compiler's total time so far, in milliseconds. */
    @FunctionalInterface
    interface CompileClock {
        long millis() throws IOException;
    }

    /** One load slice of a warm-up: its throughput, and the milliseconds the JIT compiler worked meanwhile. */
    record Slice(double requestsPerSecond, long compileMillis) {
    }

    /** What a warm-up found: its slices, and whether the server was warm at the end. */
    record Result(List<Slice> slices, Duration loaded, boolean warm) {
        double requestsPerSecond() {
            return slices.isEmpty() ? Double.NaN : slices.get(slices.size() - 1).requestsPerSecond();
        }
    }

    Result run(LoadDriver driver, String url, int connections, CompileClock compiler)
            throws IOException, InterruptedException {
        List<Slice> slices = new ArrayList<>();
        Duration loaded = Duration.ZERO;
        long compiled = compiler.millis();
        while (loaded.compareTo(maximum) < 0) {
            double rate = driver.run(url, connections, slice).requestsPerSecond();
            long now = compiler.millis();
            slices.add(new Slice(rate, now - compiled));
            compiled = now;
            loaded = loaded.plus(slice);
            if (loaded.compareTo(minimum) >= 0 && warm(slices)) {
                return new Result(slices, loaded, true);
            }
        }
        return new Result(slices, loaded, false);
    }

    boolean warm(List<Slice> slices) {
        if (slices.size() < WINDOW) {
            return false;
        }
        long compiling = slices.subList(slices.size() - WINDOW, slices.size()).stream()
                .mapToLong(Slice::compileMillis).sum();
        return compiling * 100 <= slice.toMillis() * WINDOW * COMPILING_PERCENT;
    }
}
