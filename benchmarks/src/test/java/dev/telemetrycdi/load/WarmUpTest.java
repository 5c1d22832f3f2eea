package dev.telemetrycdi.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmUpTest {
    /**
     * Throughput of one freshly started Open Liberty (module off, pinned to one CPU) in consecutive 5 s slices, as
     * measured on the project's 2-core machine: it climbs for about 160 s, with plateaus on the way.
     */
    private static final double[] MEASURED = {442, 864, 1092, 1072, 1222, 1542, 1460, 1674, 1785, 1863, 1973, 2157,
            1899, 2140, 1747, 1960, 1696, 1811, 1817, 2110, 2572, 2424, 2448, 2694, 2827, 3060, 3281, 3338, 3304, 3687,
            4079, 4694, 5787, 5892, 6043, 5905, 5906, 6041, 6141, 5946};

    private static final WarmUp DEFAULT = new WarmUp(Duration.ofSeconds(5), Duration.ofSeconds(120),
            Duration.ofSeconds(420));

    @Test
    void loadsAFreshServerUntilItsThroughputStopsClimbing() throws Exception {
        WarmUp.Result result = DEFAULT.run(new Replay(MEASURED), "http://127.0.0.1/", 16, () -> 0);

        assertTrue(result.warm());
        assertTrue(result.requestsPerSecond() > 5500, "stopped on an early plateau: " + result);
        assertEquals(Duration.ofSeconds(5L * 38), result.loaded(), "the first window of six slices within 8 %");
    }

    @Test
    void aSteadyThroughputIsNotWarmWhileTheCompilerStillWorks() throws Exception {
        double[] flat = new double[100];
        Arrays.fill(flat, 2000);
        long[] compiled = {0};

        WarmUp.Result result = DEFAULT.run(new Replay(flat), "http://127.0.0.1/", 16, () -> compiled[0] += 1000);

        assertFalse(result.warm(), "20 % of the time in the JIT compiler");
        assertEquals(Duration.ofSeconds(420), result.loaded(), "gives up at the maximum");
        assertEquals(84, result.slices().size());
        assertEquals(1000, result.slices().get(0).compileMillis());
    }

    @Test
    void warmWhenTheCompilerIsNearlyIdleAndTheThroughputSteady() throws Exception {
        double[] flat = new double[100];
        Arrays.fill(flat, 2000);
        long[] compiled = {0};

        WarmUp.Result result = DEFAULT.run(new Replay(flat), "http://127.0.0.1/", 16, () -> compiled[0] += 100);

        assertTrue(result.warm(), "100 ms of 5 s is 2 %");
        assertEquals(Duration.ofSeconds(120), result.loaded(), "not before the minimum");
    }

    @Test
    void configurationsAreChosenByTheirNumbers() {
        assertEquals(java.util.List.of(Configuration.OFF, Configuration.JSON), Configuration.numbered("2,1"));
        assertEquals(java.util.List.of(Configuration.RUNTIME_TRACING), Configuration.numbered("3b"));
        assertThrows(IllegalArgumentException.class, () -> Configuration.numbered("1,6"));
    }

    /** A driver that answers with recorded throughputs, one per run. */
    private static final class Replay implements LoadDriver {
        private final Iterator<Double> rates;

        Replay(double[] rates) {
            this.rates = Arrays.stream(rates).iterator();
        }

        @Override
        public String name() {
            return "replay";
        }

        @Override
        public Measurement run(String url, int connections, Duration duration) {
            return new Measurement(rates.next(), 1, 2, 100, 0);
        }
    }
}
