package dev.telemetrycdi.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One application server under load, serving the sample WAR on 127.0.0.1: started once, paused with {@code SIGSTOP}
 * while another one is measured (a paused server uses no CPU at all) and resumed with {@code SIGCONT}; its JVM is read
 * over JMX. {@link LibertyServer} and {@link WildFlyServer}.
 */
interface LoadServer {
    String url(String path);

    /** Starts the server with this environment and these JVM options and waits until the sample answers. */
    void start(Map<String, String> environment, List<String> jvmOptions) throws IOException, InterruptedException;

    void stop() throws IOException, InterruptedException;

    /** Freezes every thread of the server's JVM until {@link #resume()}. */
    void pause() throws IOException, InterruptedException;

    void resume() throws IOException, InterruptedException;

    /** The CPU time the server's JVM has used so far, all threads together. */
    long cpuNanos() throws IOException;

    /** The time the server's JIT compiler has worked so far, in milliseconds. */
    long compilationMillis() throws IOException;

    /** Heap in use after a full GC, and the sample's log hand-off queue depth (-1 without the module). */
    Memory memory() throws IOException;

    /** The file that holds what the server wrote to its standard output (its console). */
    Path console();

    record Memory(long heapAfterGc, int queued) {
    }

    /** Sends {@code kill -SIGNAL pid}; false if the signal could not be sent (no such process). */
    static boolean signal(String signal, String pid) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kill", "-" + signal, pid.trim()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
