package dev.telemetrycdi.load;

import java.io.IOException;
import java.util.List;

/**
 * The CPUs of a pinned run: every server on CPU 1, the load driver ({@code wrk} with one thread) on CPU 0, through
 * {@code taskset} (util-linux). Pinned, the server's throughput is what one core of its own gives, and neither the
 * driver nor the server's own threads of another configuration take from it.
 */
final class Pinning {
    static final List<String> SERVER = List.of("taskset", "-c", "1");
    static final List<String> DRIVER = List.of("taskset", "-c", "0");

    private Pinning() {
    }

    /** Two CPUs or more, {@code taskset} and {@code wrk} installed. */
    static boolean possible() {
        return Runtime.getRuntime().availableProcessors() >= 2 && runs("taskset", "-c", "0", "true") && Wrk.available();
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
