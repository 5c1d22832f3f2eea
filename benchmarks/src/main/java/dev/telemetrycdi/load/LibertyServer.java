package dev.telemetrycdi.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.management.remote.JMXServiceURL;

/**
 * An Open Liberty server ({@code load-<configuration>}) in an existing Liberty installation (the one the build unpacks
 * into {@code liberty/target/liberty/wlp}), serving the sample WAR on 127.0.0.1 with the shared telemetry-server.xml;
 * started and stopped with Liberty's own {@code bin/server} script, paused and resumed with {@code SIGSTOP} /
 * {@code SIGCONT} (a paused server uses no CPU at all while another one is measured). Its JVM is reachable over JMX
 * (localConnector) for CPU time, heap and log-queue readings. With an access log, the {@code httpEndpoint} logs every
 * request through {@code <httpAccessLogging>} (to {@code logs/http_access.log}, and to the console when the
 * environment's {@code WLP_LOGGING_CONSOLE_SOURCE} names {@code accessLog}).
 */
final class LibertyServer implements LoadServer {
    private final Path wlp;
    private final String name;
    private final Path dir;
    private final int port;
    private final List<String> launcher;
    private final ServerJvm jvm;

    /** {@code launcher}: words put before Liberty's {@code bin/server start} (e.g. {@code taskset -c 1}), or none. */
    LibertyServer(Path wlp, String name, Path war, int port, List<String> launcher) throws IOException {
        this(wlp, name, war, Map.of(), false, port, launcher);
    }

    /**
     * {@code appConfig}: lines added to the WAR's own {@code microprofile-config.properties}; {@code accessLog}: an
     * {@code <httpAccessLogging>} on the endpoint.
     */
    LibertyServer(Path wlp, String name, Path war, Map<String, String> appConfig, boolean accessLog, int port,
                  List<String> launcher) throws IOException {
        this.wlp = wlp;
        this.name = name;
        this.launcher = List.copyOf(launcher);
        this.dir = wlp.resolve("usr/servers/" + name);
        this.port = port;
        this.jvm = new ServerJvm(() -> new JMXServiceURL(
                Files.readString(dir.resolve("logs/state/com.ibm.ws.jmx.local.address")).trim()));
        Files.createDirectories(dir.resolve("apps"));
        copyWar(war, dir.resolve("apps/sample-war.war"), appConfig);
        Files.writeString(dir.resolve("server.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by dev.telemetrycdi.load.LoadHarness: the sample under load. -->
                <server description="telemetry-cdi load harness">
                    <include location="${shared.config.dir}/telemetry-server.xml"/>
                    <featureManager>
                        <feature>localConnector-1.0</feature>
                    </featureManager>
                    <!-- no FINE trace.log while measuring -->
                    <logging traceSpecification="*=info"/>
                    <!-- no polling of files while measuring -->
                    <config updateTrigger="disabled"/>
                    <applicationMonitor updateTrigger="disabled"/>
                    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="-1"%s/>%s
                    <webApplication id="sample-war" location="sample-war.war" contextRoot="/">
                        <classloader apiTypeVisibility="+third-party"/>
                    </webApplication>
                </server>
                """.formatted(port, accessLog ? " accessLoggingRef=\"accessLog\"" : "",
                accessLog ? "\n    <httpAccessLogging id=\"accessLog\"/>" : ""), StandardCharsets.UTF_8);
    }

    @Override
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public Path console() {
        return dir.resolve("logs/console.log");
    }

    @Override
    public void start(Map<String, String> environment, List<String> jvmOptions) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("server.env"), environment.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        Files.writeString(dir.resolve("jvm.options"), jvmOptions.stream()
                .collect(Collectors.joining("\n", "-Xmx1g\n", "\n")));
        LoadServer.deleteRecursively(dir.resolve("logs"));
        run("start");
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url("/api/ping"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IOException("the load server did not answer within 120 s; see " + dir.resolve("logs"));
    }

    @Override
    public void stop() throws IOException, InterruptedException {
        signal("CONT"); // a paused server would not hear the stop command (one that is not running needs no signal)
        run("stop");
    }

    @Override
    public void pause() throws IOException, InterruptedException {
        if (!signal("STOP")) {
            throw new IOException("could not pause server " + name + ": it would run beside the one measured");
        }
    }

    @Override
    public void resume() throws IOException, InterruptedException {
        if (!signal("CONT")) {
            throw new IOException("could not resume server " + name);
        }
    }

    /** Sends the signal to the server's JVM; false if it is not running or the signal could not be sent. */
    private boolean signal(String signal) throws IOException, InterruptedException {
        Path pid = wlp.resolve("usr/servers/.pid/" + name + ".pid");
        if (!Files.exists(pid)) {
            return false;
        }
        return LoadServer.signal(signal, Files.readString(pid));
    }

    @Override
    public long cpuNanos() throws IOException {
        return jvm.cpuNanos();
    }

    @Override
    public long compilationMillis() throws IOException {
        return jvm.compilationMillis();
    }

    @Override
    public Memory memory() throws IOException {
        return jvm.memory();
    }

    private void run(String action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(action.equals("start") ? launcher : List.of());
        command.addAll(List.of(wlp.resolve("bin/server").toString(), action, name));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0 && !(action.equals("stop") && code == 1)) {
            throw new IOException("server " + action + " " + name + " exited with " + code + ":\n" + output);
        }
    }

    private static final String APP_CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    /** Copies {@code war}, with {@code appConfig} appended to its {@code microprofile-config.properties}. */
    private static void copyWar(Path war, Path target, Map<String, String> appConfig) throws IOException {
        if (appConfig.isEmpty()) {
            Files.copy(war, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        StringBuilder added = new StringBuilder("\n# added by the load harness\n");
        appConfig.forEach((key, value) -> added.append(key).append('=').append(value).append('\n'));
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(in.readAllBytes());
                if (entry.getName().equals(APP_CONFIG)) {
                    out.write(added.toString().getBytes(StandardCharsets.ISO_8859_1));
                    found = true;
                }
                out.closeEntry();
            }
            if (!found) {
                out.putNextEntry(new ZipEntry(APP_CONFIG));
                out.write(added.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.closeEntry();
            }
        }
    }
}
