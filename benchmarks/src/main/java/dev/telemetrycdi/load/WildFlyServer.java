package dev.telemetrycdi.load;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.remote.JMXServiceURL;

/**
 * A WildFly server ({@code load-<configuration>}) of an existing WildFly installation (the one {@code wildfly/} unpacks
 * and provisions), with a server base directory of its own ({@code <JBOSS_HOME>/load-servers/<name>}: a copy of
 * {@code standalone/configuration}, the sample as {@code deployments/ROOT.war}, its own {@code log}, {@code data} and
 * {@code tmp}), started with {@code bin/standalone.sh} on 127.0.0.1 only, every port shifted by {@code portOffset} (so
 * it never meets the integration tests' 8080 and 9990). Standard output and error go to {@code log/console.log}.
 * Paused, resumed and stopped through its JVM's process id ({@code JBOSS_PIDFILE}); its JVM is read over JMX through
 * the JDK's attach API ({@code startLocalManagementAgent}), since WildFly has no local connector file as Liberty does.
 */
final class WildFlyServer implements LoadServer {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final String configFile;
    private final Path base;
    private final int portOffset;
    private final List<String> launcher;
    private final ServerJvm jvm = new ServerJvm(this::jmxAddress);
    private Process script;
    private String pid;
    private JMXServiceURL jmx;

    /**
     * {@code configFile}: a file of {@code standalone/configuration} ({@code standalone-telemetry.xml}, or one the
     * harness made, see {@link WildFlyConfigs}); {@code launcher}: words put before {@code standalone.sh} (e.g.
     * {@code taskset -c 1}), or none.
     */
    WildFlyServer(Path home, String configFile, String name, Path war, int portOffset, List<String> launcher)
            throws IOException {
        this.home = home;
        this.configFile = configFile;
        this.base = home.resolve("load-servers/" + name);
        this.portOffset = portOffset;
        this.launcher = List.copyOf(launcher);
        LoadServer.deleteRecursively(base);
        Files.createDirectories(base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.createDirectories(base.resolve("log"));
        try (var files = Files.list(home.resolve("standalone/configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, base.resolve("configuration").resolve(file.getFileName()));
            }
        }
        Files.copy(war, base.resolve("deployments/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String url(String path) {
        return "http://127.0.0.1:" + (8080 + portOffset) + path;
    }

    @Override
    public Path console() {
        return base.resolve("log/console.log");
    }

    @Override
    public void start(Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(home.resolve("bin/standalone.sh").toString(), "-c", configFile,
                "-Djboss.server.base.dir=" + base, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.bind.address.unsecure=127.0.0.1", "-Djboss.bind.address.private=127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + portOffset));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(console().toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("TELEMETRY_") || key.startsWith("OTEL_") || key.startsWith("LOG_")
                || key.equals("MP_CONFIG_PROFILE") || key.equals("STRUCTLOG_ENABLED") || key.startsWith("JAVA_OPTS"));
        env.put("JBOSS_HOME", home.toString());
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        env.put("JBOSS_PIDFILE", base.resolve("server.pid").toString());
        env.put("JBOSS_JAVA_SIZING", "-Xms64m -Xmx1g"); // the heap Liberty's servers get
        env.put("GC_LOG", "false");
        if (!jvmOptions.isEmpty()) {
            env.put("JAVA_OPTS", "-Xms64m -Xmx1g -Djava.net.preferIPv4Stack=true "
                    + "-Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true "
                    + String.join(" ", jvmOptions));
        }
        env.putAll(environment);
        script = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && script.isAlive()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url("/api/ping"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    pid = Files.readString(base.resolve("server.pid")).trim();
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IOException("the WildFly load server did not answer within " + START_TIMEOUT.toSeconds() + " s"
                + (script.isAlive() ? "" : " (it exited with " + script.exitValue() + ")") + "; see " + console());
    }

    @Override
    public void stop() throws IOException, InterruptedException {
        if (script == null) {
            return;
        }
        Path pidFile = base.resolve("server.pid");
        String running = pid != null ? pid : Files.exists(pidFile) ? Files.readString(pidFile).trim() : null;
        if (running != null) {
            LoadServer.signal("CONT", running); // a paused server would not hear the stop signal
            LoadServer.signal("TERM", running); // standalone.sh relays nothing here: WildFly shuts down gracefully
        }
        if (!script.waitFor(60, TimeUnit.SECONDS) && running != null) {
            LoadServer.signal("KILL", running);
            script.waitFor(10, TimeUnit.SECONDS);
        }
        script = null;
        pid = null;
        jmx = null;
    }

    @Override
    public void pause() throws IOException, InterruptedException {
        if (pid == null || !LoadServer.signal("STOP", pid)) {
            throw new IOException("could not pause WildFly server " + base + ": it would run beside the one measured");
        }
    }

    @Override
    public void resume() throws IOException, InterruptedException {
        if (pid == null || !LoadServer.signal("CONT", pid)) {
            throw new IOException("could not resume WildFly server " + base);
        }
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

    /** The JVM's local JMX connector, started once through the attach API (the JVM must be running, not paused). */
    private JMXServiceURL jmxAddress() throws IOException {
        if (jmx == null) {
            if (pid == null) {
                throw new IOException("WildFly server " + base + " is not running");
            }
            VirtualMachine vm;
            try {
                vm = VirtualMachine.attach(pid);
            } catch (AttachNotSupportedException e) {
                throw new IOException("cannot attach to WildFly's JVM " + pid, e);
            }
            try {
                jmx = new JMXServiceURL(vm.startLocalManagementAgent());
            } finally {
                vm.detach();
            }
        }
        return jmx;
    }
}
