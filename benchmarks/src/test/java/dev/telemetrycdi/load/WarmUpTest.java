package dev.telemetrycdi.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmUpTest {
    /**
     * One freshly started Open Liberty (module on, pinned to one CPU of the project's 2-core machine) in consecutive
     * 5 s slices of load, as measured: requests per second, and the JIT compiler's milliseconds in each slice.
     */
    private static final double[] RATES = {
            248, 339, 517, 1391, 1429, 1556, 1673, 1799, 1672, 1871, 1856, 1865, 1765, 2033, 1974, 2085, 2025, 2027,
            2380, 2380, 2638, 2778, 2859, 2991, 3357, 3148, 3552, 4261, 4708, 5840, 6309, 6357, 6624, 6844, 7279,
            7323, 6881, 7105, 6562, 6305, 6652, 6537, 5960, 5808, 5407, 6782, 6688, 6674, 6712, 5928, 5637, 6457,
            6230, 6411, 6273, 6212, 6112, 6666, 5046, 6138};
    private static final long[] JIT_MILLIS = {
            8168, 9896, 8373, 5557, 5683, 2505, 6980, 4282, 5406, 5508, 3893, 6201, 4537, 5548, 4881, 4427, 4685,
            5979, 4886, 3284, 6710, 4949, 5174, 4695, 3963, 6518, 4853, 4905, 4760, 2669, 123, 15, 10, 50, 26, 213,
            7, 310, 1, 12, 82, 61, 1, 1, 1, 10, 5, 3, 40, 285, 8, 2, 4, 2, 0, 2, 5, 1, 656, 4};

    private static final WarmUp DEFAULT = new WarmUp(Duration.ofSeconds(5), Duration.ofSeconds(120),
            Duration.ofSeconds(420));

    @Test
    void loadsAFreshServerUntilItsCompilerFallsIdle() throws Exception {
        WarmUp.Result result = DEFAULT.run(new Replay(RATES), "http://127.0.0.1/", 16, new Compiler(JIT_MILLIS));

        assertTrue(result.warm());
        assertEquals(Duration.ofSeconds(5L * 36), result.loaded(), "the first 30 s with at most 600 ms of JIT time");
        assertTrue(result.requestsPerSecond() > 6000, "not on one of the plateaus on the way: " + result);
        assertEquals(8168, result.slices().get(0).compileMillis());
    }

    @Test
    void aSteadyThroughputIsNotWarmWhileTheCompilerStillWorks() throws Exception {
        double[] flat = new double[100];
        Arrays.fill(flat, 2000);
        long[] compiling = new long[100];
        Arrays.fill(compiling, 1000);

        WarmUp.Result result = DEFAULT.run(new Replay(flat), "http://127.0.0.1/", 16, new Compiler(compiling));

        assertFalse(result.warm(), "20 % of the time in the JIT compiler");
        assertEquals(Duration.ofSeconds(420), result.loaded(), "gives up at the maximum");
        assertEquals(84, result.slices().size());
    }

    @Test
    void notBeforeTheMinimum() throws Exception {
        double[] flat = new double[100];
        Arrays.fill(flat, 2000);

        WarmUp.Result result = DEFAULT.run(new Replay(flat), "http://127.0.0.1/", 16, new Compiler(new long[100]));

        assertTrue(result.warm());
        assertEquals(Duration.ofSeconds(120), result.loaded());
    }

    @Test
    void configurationsAreChosenByTheirNumbers() {
        assertEquals(List.of(Configuration.OFF, Configuration.JSON), Configuration.numbered("2,1"));
        assertEquals(List.of(Configuration.RUNTIME_TRACING), Configuration.numbered("3b"));
        assertEquals(List.of(Configuration.JSON, Configuration.SERVER_JSON, Configuration.WILDFLY_JSON,
                Configuration.WILDFLY_SERVER_JSON), Configuration.numbered("W6,6,W2,2"));
        assertThrows(IllegalArgumentException.class, () -> Configuration.numbered("1,8"));
        assertThrows(IllegalArgumentException.class, () -> Configuration.numbered("w2"));
    }

    /** A driver that answers with recorded throughputs, one per run. */
    private static final class Replay implements LoadDriver {
        private final double[] rates;
        private int next;

        Replay(double[] rates) {
            this.rates = rates;
        }

        @Override
        public String name() {
            return "replay";
        }

        @Override
        public Measurement run(String url, int connections, Duration duration) {
            return new Measurement(rates[next++], 1, 2, 100, 0);
        }
    }

    /** The JIT's total time, growing by the recorded milliseconds of each slice (read once before the first). */
    private static final class Compiler implements WarmUp.CompileClock {
        private final long[] perSlice;
        private int reads;
        private long total;

        Compiler(long[] perSlice) {
            this.perSlice = perSlice;
        }

        @Override
        public long millis() {
            if (reads > 0) {
                total += perSlice[reads - 1];
            }
            reads++;
            return total;
        }
    }
}
