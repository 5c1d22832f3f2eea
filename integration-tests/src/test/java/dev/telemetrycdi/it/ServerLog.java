package dev.telemetrycdi.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The integration-test server's own log, where the module's diagnostics (TCDInnnnX) go: Liberty's
 * {@code messages.log} or WildFly's {@code server.log} (system property {@code it.server.log}).
 */
public final class ServerLog {
    private ServerLog() {
    }

    public static List<String> lines() throws IOException {
        Path messages = Path.of(System.getProperty("it.server.log",
                "target/liberty/wlp/usr/servers/it/logs/messages.log"));
        return Files.exists(messages) ? Files.readAllLines(messages, StandardCharsets.UTF_8) : List.of();
    }

    /** Waits for a line containing every part, and returns it. */
    public static String await(String... parts) {
        return Await.line(ServerLog::linesUnchecked, parts);
    }

    private static List<String> linesUnchecked() {
        try {
            return lines();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
