package dev.telemetrycdi.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Loads a freshly started server until its throughput is steady, so that what is measured afterwards is the server's
 * compiled code and not its JIT compiler at work. On two cores (the server on one of them) Open Liberty takes two to
 * three minutes of load to get there: its throughput climbs from about 450 to about 6,000 requests per second, with
 * plateaus on the way, so a fixed short warm-up measures a server still compiling.
 *
 * <p>Steady means: at least {@code minimum} of load, and the last {@value #WINDOW} slices' throughputs within
 * {@value #TOLERANCE_PERCENT} % of each other. It gives up at {@code maximum} and says so.
 *
 * @param slice   one load slice
 * @param minimum load before steadiness is looked for (the early plateaus are shorter than this)
 * @param maximum load after which the server counts as warm whatever it does
 */
record WarmUp(Duration slice, Duration minimum, Duration maximum) {
    static final int WINDOW = 6;
    static final int TOLERANCE_PERCENT = 8;

    /** What a warm-up found: how long it loaded the server, its last throughput, whether that was steady. */
    record Result(Duration loaded, double requestsPerSecond, boolean steady) {
    }

    Result run(LoadDriver driver, String url, int connections) throws IOException, InterruptedException {
        Deque<Double> recent = new ArrayDeque<>();
        Duration loaded = Duration.ZERO;
        double last = Double.NaN;
        while (loaded.compareTo(maximum) < 0) {
            last = driver.run(url, connections, slice).requestsPerSecond();
            loaded = loaded.plus(slice);
            recent.addLast(last);
            if (recent.size() > WINDOW) {
                recent.removeFirst();
            }
            if (loaded.compareTo(minimum) >= 0 && steady(recent)) {
                return new Result(loaded, last, true);
            }
        }
        return new Result(loaded, last, false);
    }

    static boolean steady(Deque<Double> recent) {
        if (recent.size() < WINDOW) {
            return false;
        }
        double min = recent.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = recent.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return min > 0 && max <= min * (1 + TOLERANCE_PERCENT / 100.0);
    }
}
