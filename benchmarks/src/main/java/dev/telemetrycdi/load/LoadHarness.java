package dev.telemetrycdi.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What telemetry costs a whole server: runs the sample on Open Liberty in each {@link Configuration}, alternating the
 * configurations and repeating each (this machine is noisy), drives a typical endpoint with {@code wrk} on loopback,
 * and prints each configuration's median throughput and p50/p99 latency with its ratio to the baseline measured in the
 * same run; then a soak of configuration 2 that reads the heap after a full GC and the log hand-off queue over time.
 *
 * <pre>
 * benchmarks/load.sh                       # the full run (about 20 minutes on 2 cores)
 * benchmarks/load.sh --smoke               # one short round of every configuration and a short soak
 * </pre>
 *
 * Options: {@code --rounds N --warmups N --warmup S --measure S --connections N --soak S --smoke}; paths:
 * {@code --wlp DIR --war FILE --agent FILE --out FILE} (defaults: what the build leaves under the project root).
 */
public final class LoadHarness {
    static final String ENDPOINT = "/api/tournaments/5/draft/12/";
    private static final int PORT = 9380;

    private LoadHarness() {
    }

    record Options(Path wlp, Path war, Path agent, Path out, int rounds, int warmups, Duration warmup, Duration measure,
                   int connections, Duration soak, Duration soakInterval, List<Configuration> configurations) {

        static Options parse(String[] args) {
            Path root = Path.of(System.getProperty("load.root", "."));
            Map<String, String> given = new java.util.HashMap<>();
            boolean smoke = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--smoke")) {
                    smoke = true;
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    given.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            return new Options(
                    Path.of(given.getOrDefault("wlp", root.resolve("liberty/target/liberty/wlp").toString())),
                    Path.of(given.getOrDefault("war", root.resolve("liberty/target/it-apps/sample-war.war").toString())),
                    Path.of(given.getOrDefault("agent",
                            root.resolve("benchmarks/target/agent/opentelemetry-javaagent.jar").toString())),
                    Path.of(given.getOrDefault("out", root.resolve("benchmarks/target/load-report.md").toString())),
                    Integer.parseInt(given.getOrDefault("rounds", smoke ? "1" : "3")),
                    Integer.parseInt(given.getOrDefault("warmups", smoke ? "1" : "3")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", smoke ? "2" : "10"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("measure", smoke ? "3" : "20"))),
                    Integer.parseInt(given.getOrDefault("connections", "16")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("soak", smoke ? "6" : "180"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("soak-interval", smoke ? "3" : "20"))),
                    List.of(Configuration.values()));
        }
    }

    /** Everything one run measured. */
    record Report(String driver, Map<Configuration, List<Measurement>> runs, Map<Configuration, Long> exports,
                  List<LoadServer.Memory> soak) {
        Measurement median(Configuration configuration) {
            List<Measurement> all = runs.get(configuration);
            return new Measurement(median(all.stream().mapToDouble(Measurement::requestsPerSecond).toArray()),
                    median(all.stream().mapToDouble(Measurement::p50Millis).toArray()),
                    median(all.stream().mapToDouble(Measurement::p99Millis).toArray()),
                    all.stream().mapToLong(Measurement::requests).sum(),
                    all.stream().mapToLong(Measurement::errors).sum());
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = run(options, System.out);
        String text = format(options, report);
        System.out.println(text);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), text);
        System.out.println("written to " + options.out());
    }

    static Report run(Options options, PrintStream progress) throws Exception {
        for (Path required : List.of(options.wlp().resolve("bin/server"), options.war(), options.agent())) {
            if (!Files.exists(required)) {
                throw new IllegalStateException(required + " is missing: build first (benchmarks/load.sh does)");
            }
        }
        LoadDriver driver = LoadDriver.best();
        Map<Configuration, List<Measurement>> runs = new EnumMap<>(Configuration.class);
        Map<Configuration, Long> exports = new EnumMap<>(Configuration.class);
        List<LoadServer.Memory> soak = new ArrayList<>();
        try (OtlpSink receiver = OtlpSink.start()) {
            String closed = "http://127.0.0.1:" + closedPort();
            LoadServer server = new LoadServer(options.wlp(), options.war(), PORT);
            for (int round = 1; round <= options.rounds(); round++) {
                for (Configuration configuration : options.configurations()) {
                    progress.printf("round %d/%d: %s%n", round, options.rounds(), configuration.label());
                    long before = receiver.traceExports();
                    server.start(configuration.environment(receiver.endpoint(), closed),
                            configuration.jvmOptions(options.agent(), receiver.endpoint()));
                    try {
                        for (int i = 0; i < options.warmups(); i++) {
                            driver.run(server.url(ENDPOINT), options.connections(), options.warmup());
                        }
                        Measurement measured = driver.run(server.url(ENDPOINT), options.connections(),
                                options.measure());
                        progress.printf("  %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%n",
                                measured.requestsPerSecond(), measured.p50Millis(), measured.p99Millis(),
                                measured.errors());
                        runs.computeIfAbsent(configuration, c -> new ArrayList<>()).add(measured);
                    } finally {
                        server.stop();
                    }
                    exports.merge(configuration, receiver.traceExports() - before, Long::sum);
                }
            }
            if (!options.soak().isZero()) {
                progress.printf("soak: %s for %d s%n", Configuration.JSON.label(), options.soak().toSeconds());
                server.start(Configuration.JSON.environment(receiver.endpoint(), closed), List.of());
                try {
                    driver.run(server.url(ENDPOINT), options.connections(), options.warmup());
                    long end = System.nanoTime() + options.soak().toNanos();
                    while (System.nanoTime() < end) {
                        driver.run(server.url(ENDPOINT), options.connections(), options.soakInterval());
                        LoadServer.Memory memory = server.memory();
                        progress.printf("  heap after GC %.1f MiB, log queue %d%n", memory.heapAfterGc() / 1048576.0,
                                memory.queued());
                        soak.add(memory);
                    }
                } finally {
                    server.stop();
                }
            }
        }
        return new Report(driver.name(), runs, exports, soak);
    }

    static String format(Options options, Report report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Load: GET %s, %s, %d connections, %d round(s) of %d x %d s warm-up + %d s"
                        + " measured per configuration, alternating; Java %s, %d cores%n%n", ENDPOINT, report.driver(),
                options.connections(), options.rounds(), options.warmups(), options.warmup().toSeconds(),
                options.measure().toSeconds(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        out.append("| Configuration | req/s (median) | vs baseline | p50 ms | p99 ms | p99 vs baseline | errors | trace exports |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        Measurement base = report.median(Configuration.OFF);
        for (Configuration configuration : options.configurations()) {
            if (!report.runs().containsKey(configuration)) {
                continue;
            }
            Measurement m = report.median(configuration);
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.3f | %.2f | %.2f | %.3f | %d | %d |%n",
                    configuration.label(), m.requestsPerSecond(), m.requestsPerSecond() / base.requestsPerSecond(),
                    m.p50Millis(), m.p99Millis(), m.p99Millis() / base.p99Millis(), m.errors(),
                    report.exports().getOrDefault(configuration, 0L)));
        }
        out.append("\nEvery run (req/s): ");
        report.runs().forEach((configuration, all) -> out.append(configuration.name()).append(' ')
                .append(all.stream().map(m -> String.format(Locale.ROOT, "%.0f", m.requestsPerSecond())).toList())
                .append("; "));
        out.append('\n');
        if (!report.soak().isEmpty()) {
            out.append("\nSoak (configuration 2): heap after GC (MiB) / log queue depth per interval: ");
            report.soak().forEach(m -> out.append(String.format(Locale.ROOT, "%.1f/%d ", m.heapAfterGc() / 1048576.0,
                    m.queued())));
            out.append('\n');
        }
        return out.toString();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
