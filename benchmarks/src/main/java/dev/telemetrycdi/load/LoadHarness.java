package dev.telemetrycdi.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * What telemetry costs a whole server: runs the sample on Open Liberty and WildFly in each {@link Configuration},
 * alternating the configurations and repeating each (this machine is noisy), drives a typical endpoint with {@code wrk}
 * on loopback, and prints each configuration's median throughput, p50/p99 latency and server CPU per request with its
 * ratio to the baseline of its server measured in the same run, then issue 15's comparisons against their targets;
 * then a soak of configuration 2 that reads the heap after a full GC and the log hand-off queue over time.
 *
 * <pre>
 * benchmarks/load.sh                       # the full run (about 45 minutes on 2 cores)
 * benchmarks/load.sh --smoke               # one short round of every configuration and a short soak
 * </pre>
 *
 * Options: {@code --rounds N --warmup-min S --warmup-max S --rewarm S --measure S --connections N --soak S --smoke
 * --configs 1,2 --pin true|false} ({@code --pin}, the default where {@code taskset}, {@code wrk} and two CPUs are
 * there, except in smoke mode, whose figures mean nothing and whose servers start twice as fast on both CPUs: every
 * server on CPU 1, {@code wrk -t1} on CPU 0); paths:
 * {@code --wlp DIR --wildfly DIR --war FILE --agent FILE --out FILE} (defaults: what the build leaves under the
 * project root).
 */
public final class LoadHarness {
    static final String ENDPOINT = "/api/tournaments/5/draft/12/";
    private static final int PORT = 9380;
    /** WildFly's ports shifted by this (HTTP 9480, management 11390, …), and by 10 more for each further server. */
    private static final int WILDFLY_PORT_OFFSET = 1400;
    private static final String WILDFLY_DIR = "wildfly/target/wildfly-39.0.1.Final";

    private LoadHarness() {
    }

    record Options(Path wlp, Path wildfly, Path war, Path agent, Path out, int rounds, WarmUp warmUp, Duration rewarm,
                   Duration measure,
                   int connections, Duration soak, Duration soakInterval, List<Configuration> configurations,
                   boolean pinned) {

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
                    Path.of(given.getOrDefault("wildfly", root.resolve(WILDFLY_DIR).toString())),
                    Path.of(given.getOrDefault("war", root.resolve("liberty/target/it-apps/sample-war.war").toString())),
                    Path.of(given.getOrDefault("agent",
                            root.resolve("benchmarks/target/agent/opentelemetry-javaagent.jar").toString())),
                    Path.of(given.getOrDefault("out", root.resolve("benchmarks/target/load-report.md").toString())),
                    Integer.parseInt(given.getOrDefault("rounds", smoke ? "1" : "6")),
                    new WarmUp(seconds(given, "warmup-slice", smoke ? "2" : "5"),
                            seconds(given, "warmup-min", smoke ? "2" : "120"),
                            seconds(given, "warmup-max", smoke ? "2" : "420")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("rewarm", smoke ? "1" : "5"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("measure", smoke ? "3" : "15"))),
                    Integer.parseInt(given.getOrDefault("connections", "16")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("soak", smoke ? "6" : "180"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("soak-interval", smoke ? "3" : "20"))),
                    given.containsKey("configs") ? Configuration.numbered(given.get("configs"))
                            : List.of(Configuration.values()),
                    Boolean.parseBoolean(given.getOrDefault("pin", String.valueOf(!smoke && Pinning.possible()))));
        }

        private static Duration seconds(Map<String, String> given, String key, String otherwise) {
            return Duration.ofSeconds(Long.parseLong(given.getOrDefault(key, otherwise)));
        }
    }

    /** Everything one run measured. */
    record Report(String driver, Map<Configuration, List<Measurement>> runs,
                  Map<Configuration, OtlpSink.Exports> exports, Map<Configuration, WarmUp.Result> warmUps,
                  Map<Configuration, Path> consoles, List<LoadServer.Memory> soak) {
        Measurement median(Configuration configuration) {
            List<Measurement> all = runs.getOrDefault(configuration, List.of());
            return new Measurement(median(all.stream().mapToDouble(Measurement::requestsPerSecond).toArray()),
                    median(all.stream().mapToDouble(Measurement::p50Millis).toArray()),
                    median(all.stream().mapToDouble(Measurement::p99Millis).toArray()),
                    all.stream().mapToLong(Measurement::requests).sum(),
                    all.stream().mapToLong(Measurement::errors).sum(),
                    median(all.stream().mapToDouble(Measurement::serverCpuMicrosPerRequest).toArray()));
        }

        /**
         * The median over the rounds of this configuration's figure divided by the other's of the same round: the
         * two were measured within a few minutes of each other, so a slow drift of the machine cancels out.
         */
        double roundByRound(Configuration configuration, Configuration other, ToDoubleFunction<Measurement> figure) {
            List<Measurement> mine = runs.getOrDefault(configuration, List.of());
            List<Measurement> base = runs.getOrDefault(other, List.of());
            return median(IntStream.range(0, Math.min(mine.size(), base.size()))
                    .mapToDouble(i -> figure.applyAsDouble(mine.get(i)) / figure.applyAsDouble(base.get(i))).toArray());
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
        List<Path> required = new ArrayList<>(List.of(options.wlp().resolve("bin/server"), options.war(),
                options.agent()));
        boolean wildFly = options.configurations().stream().anyMatch(c -> c.server() == Configuration.Server.WILDFLY);
        if (wildFly) {
            required.add(options.wildfly().resolve("bin/standalone.sh"));
        }
        for (Path each : required) {
            if (!Files.exists(each)) {
                throw new IllegalStateException(each + " is missing: build first (benchmarks/load.sh does)");
            }
        }
        if (options.configurations().contains(Configuration.WILDFLY_SERVER_JSON)) {
            WildFlyConfigs.prepareServerJson(options.wildfly());
        }
        LoadDriver driver = options.pinned() ? new Wrk(Pinning.DRIVER, 1) : LoadDriver.best();
        List<String> launcher = options.pinned() ? Pinning.SERVER : List.of();
        Map<Configuration, List<Measurement>> runs = new EnumMap<>(Configuration.class);
        Map<Configuration, OtlpSink.Exports> exports = new EnumMap<>(Configuration.class);
        Map<Configuration, Path> consoles = new EnumMap<>(Configuration.class);
        Map<Configuration, WarmUp.Result> warmUps = new EnumMap<>(Configuration.class);
        List<LoadServer.Memory> soak = new ArrayList<>();
        try (OtlpSink receiver = OtlpSink.start()) {
            String closed = "http://127.0.0.1:" + closedPort();
            Map<Configuration, LoadServer> servers = new EnumMap<>(Configuration.class);
            try {
                int port = PORT;
                int portOffset = WILDFLY_PORT_OFFSET;
                for (Configuration configuration : options.configurations()) {
                    progress.printf("start and warm up: %s%n", configuration.label());
                    String name = "load-" + configuration.number();
                    LoadServer server = configuration.server() == Configuration.Server.WILDFLY
                            ? new WildFlyServer(options.wildfly(), configuration.wildFlyConfig(), name, options.war(),
                                    (portOffset += 10) - 10, launcher)
                            : new LibertyServer(options.wlp(), name, options.war(), configuration.applicationConfig(),
                                    configuration.libertyAccessLog(), port++, launcher);
                    servers.put(configuration, server);
                    consoles.put(configuration, server.console());
                    OtlpSink.Exports before = receiver.exports();
                    long starting = System.nanoTime();
                    server.start(configuration.environment(receiver.endpoint(), closed),
                            configuration.jvmOptions(options.agent(), receiver.endpoint()));
                    progress.printf("  answering after %.0f s%n", (System.nanoTime() - starting) / 1e9);
                    WarmUp.Result warm = options.warmUp().run(driver, server.url(ENDPOINT), options.connections(),
                            server::compilationMillis);
                    progress.printf("  %s after %d s of load, at %.0f req/s; slices (req/s, JIT ms): %s%n",
                            warm.warm() ? "warm" : "NOT warm", warm.loaded().toSeconds(), warm.requestsPerSecond(),
                            warm.slices().stream().map(slice -> String.format(Locale.ROOT, "%.0f/%d",
                                    slice.requestsPerSecond(), slice.compileMillis())).toList());
                    warmUps.put(configuration, warm);
                    server.pause();
                    exports.merge(configuration, settled(receiver).minus(before), OtlpSink.Exports::plus);
                }
                for (int round = 1; round <= options.rounds(); round++) {
                    List<Configuration> order = new ArrayList<>(options.configurations());
                    if (round % 2 == 0) {
                        Collections.reverse(order); // no configuration always runs first or last
                    }
                    for (Configuration configuration : order) {
                        progress.printf("round %d/%d: %s%n", round, options.rounds(), configuration.label());
                        Measurement measured = measure(servers.get(configuration), driver, options, receiver,
                                count -> exports.merge(configuration, count, OtlpSink.Exports::plus));
                        progress.printf("  %.0f req/s, p50 %.2f ms, p99 %.2f ms, server CPU %.1f us/request, %d errors%n",
                                measured.requestsPerSecond(), measured.p50Millis(), measured.p99Millis(),
                                measured.serverCpuMicrosPerRequest(), measured.errors());
                        runs.computeIfAbsent(configuration, c -> new ArrayList<>()).add(measured);
                    }
                }
            } finally {
                for (Map.Entry<Configuration, LoadServer> each : servers.entrySet()) {
                    OtlpSink.Exports before = receiver.exports(); // the others are paused: what arrives is this one's
                    each.getValue().stop();
                    // a server's last export (its SDK's flush at shutdown) can arrive after its stop command returned:
                    // wait for the receiver to be quiet, so that it is not counted for the next one stopped
                    exports.merge(each.getKey(), quiet(receiver).minus(before), OtlpSink.Exports::plus);
                }
            }
            if (!options.soak().isZero()) {
                soak.addAll(soak(options, driver, launcher, receiver, closed, progress));
            }
        }
        return new Report(driver.name(), runs, exports, warmUps, consoles, soak);
    }

    /** The receiver's counts once nothing new arrived for a second (at most 5 s). */
    private static OtlpSink.Exports quiet(OtlpSink receiver) throws InterruptedException {
        return quiet(receiver, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /** After a pause: a post the server sent just before it may still be being read (counted for it, not the next). */
    private static OtlpSink.Exports settled(OtlpSink receiver) throws InterruptedException {
        return quiet(receiver, Duration.ofMillis(300), Duration.ofSeconds(2));
    }

    /** The receiver's counts once nothing new arrived for {@code still} (waiting at most {@code atMost}). */
    private static OtlpSink.Exports quiet(OtlpSink receiver, Duration still, Duration atMost)
            throws InterruptedException {
        OtlpSink.Exports last = receiver.exports();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(still.toMillis());
            OtlpSink.Exports now = receiver.exports();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /**
     * One measured slice of a paused server: resume it, wake it with a short load, measure under load (with the CPU the
     * server's JVM used meanwhile), pause it again. Only this server runs meanwhile, so every export the receiver gets
     * in between is its own.
     */
    private static Measurement measure(LoadServer server, LoadDriver driver, Options options, OtlpSink receiver,
                                       Consumer<OtlpSink.Exports> exported) throws Exception {
        OtlpSink.Exports before = receiver.exports();
        server.resume();
        try {
            if (!options.rewarm().isZero()) {
                driver.run(server.url(ENDPOINT), options.connections(), options.rewarm());
            }
            long cpu = server.cpuNanos();
            Measurement measured = driver.run(server.url(ENDPOINT), options.connections(), options.measure());
            return measured.withServerCpu(server.cpuNanos() - cpu);
        } finally {
            server.pause();
            exported.accept(settled(receiver).minus(before));
        }
    }

    /** Configuration 2 under load for a while: heap after a full GC and the log queue depth at every interval. */
    private static List<LoadServer.Memory> soak(Options options, LoadDriver driver, List<String> launcher,
                                                OtlpSink receiver, String closed, PrintStream progress)
            throws Exception {
        progress.printf("soak: %s for %d s%n", Configuration.JSON.label(), options.soak().toSeconds());
        List<LoadServer.Memory> readings = new ArrayList<>();
        LoadServer server = new LibertyServer(options.wlp(), "load-soak", options.war(), PORT, launcher);
        server.start(Configuration.JSON.environment(receiver.endpoint(), closed), List.of());
        try {
            driver.run(server.url(ENDPOINT), options.connections(), options.warmUp().slice()); // heap, not speed
            long end = System.nanoTime() + options.soak().toNanos();
            while (System.nanoTime() < end) {
                driver.run(server.url(ENDPOINT), options.connections(), options.soakInterval());
                LoadServer.Memory memory = server.memory();
                progress.printf("  heap after GC %.1f MiB, log queue %d%n", memory.heapAfterGc() / 1048576.0,
                        memory.queued());
                readings.add(memory);
            }
        } finally {
            server.stop();
        }
        return readings;
    }

    static String format(Options options, Report report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Load: GET %s, %s, %d connections; every configuration's server started"
                        + " once, loaded in %d s slices until warm (at least %d s, at most %d s) and paused; then %d"
                        + " round(s), each resuming every server in turn (the order reversed every other round) for %d s"
                        + " of re-warm-up and %d s measured; Java %s, %d cores%s%n%n", ENDPOINT, report.driver(),
                options.connections(), options.warmUp().slice().toSeconds(), options.warmUp().minimum().toSeconds(),
                options.warmUp().maximum().toSeconds(), options.rounds(),
                options.rewarm().toSeconds(), options.measure().toSeconds(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                options.pinned() ? "; the server pinned to CPU 1, wrk (and this harness's receiver) to CPU 0" : ""));
        out.append("Ratios: to the baseline of the same server (1 on Open Liberty; W6, the module off, on WildFly): of"
                + " the medians, and (round by round) the median of each round's ratio to that round's baseline;"
                + " a dash where that baseline was not measured.\n\n");
        out.append("| Configuration | req/s (median) | vs baseline | round by round | p50 ms | p99 ms | p99 vs baseline"
                + " | server CPU µs/request | vs baseline | round by round | errors | trace exports | log exports |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Configuration configuration : options.configurations()) {
            if (!report.runs().containsKey(configuration)) {
                continue;
            }
            Measurement m = report.median(configuration);
            Measurement base = report.median(configuration.baseline());
            OtlpSink.Exports exported = report.exports().getOrDefault(configuration, OtlpSink.Exports.NONE);
            out.append(String.format(Locale.ROOT,
                    "| %s | %.0f | %s | %s | %.2f | %.2f | %s | %.1f | %s | %s | %d | %d | %d |%n",
                    configuration.label(), m.requestsPerSecond(),
                    ratio(m.requestsPerSecond() / base.requestsPerSecond()),
                    ratio(report.roundByRound(configuration, configuration.baseline(), Measurement::requestsPerSecond)),
                    m.p50Millis(), m.p99Millis(), ratio(m.p99Millis() / base.p99Millis()),
                    m.serverCpuMicrosPerRequest(),
                    ratio(m.serverCpuMicrosPerRequest() / base.serverCpuMicrosPerRequest()),
                    ratio(report.roundByRound(configuration, configuration.baseline(),
                            Measurement::serverCpuMicrosPerRequest)), m.errors(), exported.traces(), exported.logs()));
        }
        StringBuilder comparisons = new StringBuilder();
        Comparison.ISSUE_15.forEach(comparison -> comparisons.append(comparison.row(report)));
        if (!comparisons.isEmpty()) {
            out.append("\nIssue 15's comparisons (same server, same run; judged on CPU per request, round by round;"
                    + " reported, not asserted):\n\n");
            out.append("| Comparison | CPU/request ratio (medians) | round by round | req/s ratio | round by round"
                    + " | p99 ratio | Target |\n");
            out.append("|---|---|---|---|---|---|---|\n");
            out.append(comparisons);
            for (Configuration exporting : options.configurations()) {
                if (exporting.exportsLogs() && report.runs().containsKey(exporting)
                        && report.exports().getOrDefault(exporting, OtlpSink.Exports.NONE).logs() == 0) {
                    out.append(String.format(Locale.ROOT, "%nConfiguration %s exported no log records%s: it measured"
                                    + " tracing alone, not the OTLP logs export.%n", exporting.number(),
                            Configuration.logOtlpKnown() ? ""
                                    : " (this build of the module has no setting " + Configuration.LOG_OTLP + ")"));
                }
            }
        }
        out.append("\nWarm-up (load until warm, req/s of the last slice): ");
        report.warmUps().forEach((configuration, warm) -> out.append(String.format(Locale.ROOT, "%s %d s%s %.0f; ",
                configuration.name(), warm.loaded().toSeconds(), warm.warm() ? "" : " (NOT warm)",
                warm.requestsPerSecond())));
        out.append('\n');
        out.append("\nEvery run (req/s): ");
        report.runs().forEach((configuration, all) -> out.append(configuration.name()).append(' ')
                .append(all.stream().map(m -> String.format(Locale.ROOT, "%.0f", m.requestsPerSecond())).toList())
                .append("; "));
        out.append("\nEvery run (server CPU µs/request): ");
        report.runs().forEach((configuration, all) -> out.append(configuration.name()).append(' ')
                .append(all.stream().map(m -> String.format(Locale.ROOT, "%.1f", m.serverCpuMicrosPerRequest()))
                        .toList())
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

    /** A ratio with three decimals, or a dash when its baseline was not measured in this run. */
    private static String ratio(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }

        private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
