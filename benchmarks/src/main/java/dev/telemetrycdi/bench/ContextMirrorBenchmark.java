package dev.telemetrycdi.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What keeping an application's own logging in step with the module's context costs: the bind and restore of
 * {@link ContextBenchmark} (a request's five fields), where the application bundles Logback (SLF4J's MDC) and Log4j 2
 * (its ThreadContext), against the same bind where it bundles neither, measured in the same run.
 *
 * <p>The module decides once per class loader which maps it fills, so each side loads the module (this jar) in a
 * class loader of its own: one with the logging jars that {@code mvn package} copies to
 * {@code benchmarks/target/mirror-libs}, one without. Run from {@code benchmarks/target/benchmarks.jar}.
 */
public class ContextMirrorBenchmark extends BenchmarkDefaults {
    /** The application's logging beside the module: Logback (with SLF4J), Log4j 2, or both. */
    @Param({"logback", "log4j", "both"})
    public String logging;

    private Runnable plain;
    private Runnable mirrored;
    private Runnable handRolled;

    @Setup
    public void load() throws Exception {
        Path jar = Path.of(ContextMirrorBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path libraries = jar.resolveSibling("mirror-libs");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(libraries)) {
            throw new IllegalStateException("run from benchmarks/target/benchmarks.jar after mvn package (needs "
                    + libraries + ")");
        }
        plain = bind(jar, List.of());
        List<URL> applicationLogging = jars(libraries, switch (logging) {
            case "logback" -> List.of("slf4j", "logback");
            case "log4j" -> List.of("log4j");
            default -> List.of("slf4j", "logback", "log4j");
        });
        mirrored = bind(jar, applicationLogging);
        handRolled = load(jar, applicationLogging, HandRolledMdc.class);
        // the two sides really differ: the maps filled and emptied again on one side, nothing on the other
        check(plain, "bound: null null; restored: null null");
        String id = SampleRequest.CALLER_REQUEST_ID;
        check(mirrored, "bound: " + (logging.equals("log4j") ? null : id) + " "
                + (logging.equals("logback") ? null : id) + "; restored: null null");
    }

    @Benchmark
    public void bindRestoreWithoutAppLogging() {
        plain.run();
    }

    @Benchmark
    public void bindRestoreWithAppLogging() {
        mirrored.run();
    }

    /** The baseline: the same fields put into and removed from the same maps by the application itself. */
    @Benchmark
    public void handRolledMdcFilter() {
        handRolled.run();
    }

    private static Runnable bind(Path jar, List<URL> libraries) throws ReflectiveOperationException,
            MalformedURLException {
        return load(jar, libraries, MirroredBind.class);
    }

    private static Runnable load(Path jar, List<URL> libraries, Class<? extends Runnable> type)
            throws ReflectiveOperationException, MalformedURLException {
        List<URL> urls = new ArrayList<>(libraries);
        urls.add(0, jar.toUri().toURL());
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return (Runnable) Class.forName(type.getName(), true, loader).getDeclaredConstructor().newInstance();
    }

    /** The jars of {@code directory} whose names start with one of {@code names}. */
    private static List<URL> jars(Path directory, List<String> names) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<URL> urls = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".jar")
                    && names.stream().anyMatch(name -> path.getFileName().toString().startsWith(name))).sorted()
                    .toList()) {
                urls.add(file.toUri().toURL());
            }
            return urls;
        }
    }

    private static void check(Runnable side, String expected) {
        String seen = side.toString();
        if (!expected.equals(seen)) {
            throw new IllegalStateException("expected " + expected + ", got " + seen);
        }
    }
}
