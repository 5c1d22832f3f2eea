package dev.telemetrycdi.it;

import dev.telemetrycdi.it.probe.ConsoleNoiseProbe;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.number;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without {@code telemetry.log.file} the lines go to the server process's standard output, each one a bare JSON
 * object at the start of its line: Liberty does not wrap them, and on WildFly they go through the server's console
 * handler, each on a line of its own. The Arquillian adapter copies the server's output to this JVM's
 * {@code System.out}, which the test tees while it runs.
 */
@ExtendWith(ArquillianExtension.class)
class StdoutIT {
    private static final SampleApp APP = SampleApp.named("stdout").with("telemetry.log.file", null);
    private static final int NOISE_RECORDS = 150;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war().addClass(ConsoleNoiseProbe.class);
    }

    @Test
    void linesGoUnwrappedToStandardOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            Http.get(base, "/api/tournaments/5/", "X-Request-ID", "stdout-1");
            JsonObject completed = awaitLine(captured, "\"request.id\":\"stdout-1\"", "request_completed");
            assertEquals(5, number(completed, "tournament.id"));
        } finally {
            System.setOut(original);
        }
    }

    /**
     * While the server writes output of its own from many threads (the application's non-bridged
     * {@code java.util.logging} records and {@code System.out} lines), requests run from four client threads: every
     * line of the module on standard output is one JSON object with nothing before it, and each request has exactly
     * one {@code request_completed} line.
     *
     * <p>On WildFly some of the server's lines are longer than 8 KiB, which its console writes in pieces: the module
     * writes through the server's logging there, so nothing lands between them. On Open Liberty the module writes to
     * the file descriptor beside Liberty's console, and a line of the module can land inside such a long line of
     * Liberty's (seen: {@code [INFO    ] console-noise jul 0/149 xxxx...{"timestamp":...}}), a known limitation
     * (docs/telemetry/logging.md, "Where lines go"): there the server's lines stay under 8 KiB.
     */
    @Test
    void everyLineIsOneJsonObjectWhileTheServerWritesToTheConsoleFromManyThreads() throws Exception {
        // HTTP/1.1, one connection per client thread: concurrent h2c streams to Open Liberty were seen to hang
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        ExecutorService clients = Executors.newFixedThreadPool(5);
        try {
            Future<HttpResponse<String>> noise = clients.submit(
                    () -> get(client, "/api/probe/noise?threads=4&records=" + NOISE_RECORDS
                            + "&long=" + !Server.isLiberty()));
            Await.until(() -> captured(captured).contains(ConsoleNoiseProbe.MARK), "the server's own output");
            AtomicInteger sent = new AtomicInteger();
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                senders.add(clients.submit(() -> {
                    while ((!noise.isDone() || sent.get() < 40) && sent.get() < 400) {
                        String id = "stdout-busy-" + sent.incrementAndGet();
                        assertEquals(200, get(client, "/api/tournaments/5/", "X-Request-ID", id).statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            assertEquals("done", noise.get().body());
            int requests = sent.get();
            Await.until(() -> completed(captured(captured)).size() >= requests,
                    requests + " request_completed lines");

            String output = captured(captured);
            List<JsonObject> moduleLines = new ArrayList<>();
            for (String line : output.split("\n")) {
                if (line.contains("\"timestamp\":\"") || line.contains("stdout-busy-")) {
                    moduleLines.add(LogFile.parse(line)); // fails on anything before, after or inside the object
                }
            }
            List<String> ids = completed(output);
            assertEquals(requests, ids.size(), "one request_completed per request");
            assertEquals(requests, new HashSet<>(ids).size(), "each request once");
            long applicationLines = moduleLines.stream().filter(line -> event(line, "tournament_loaded")
                    && text(line, "request.id").startsWith("stdout-busy-")).count();
            assertEquals(requests, applicationLines, "the application's bridged line of each request");
            long noiseLines = output.lines().filter(line -> line.contains(ConsoleNoiseProbe.MARK)).count();
            assertTrue(noiseLines >= 4 * NOISE_RECORDS, "the server wrote its own lines meanwhile: " + noiseLines);
        } finally {
            clients.shutdownNow();
            System.setOut(original);
        }
    }

    private HttpResponse<String> get(HttpClient client, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.uri(base, path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The request ids of the {@code request_completed} lines of the busy test, from lines that parse. */
    private static List<String> completed(String output) {
        List<String> ids = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.contains("\"request_completed\"") && line.contains("stdout-busy-")) {
                JsonObject parsed = LogFile.parse(line); // fails at once on a broken line
                ids.add(text(parsed, "request.id"));
            }
        }
        return ids;
    }

    private static String captured(ByteArrayOutputStream captured) {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    private static JsonObject awaitLine(ByteArrayOutputStream captured, String... parts) {
        return LogFile.parse(Await.line(() -> {
            synchronized (captured) {
                return Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\n"));
            }
        }, parts).strip());
    }

    /** Writes to the original stream and to a capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            synchronized (second) {
                second.write(b);
            }
            try {
                first.write(b);
            } catch (java.io.IOException ignored) {
                // the console is best effort
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (second) {
                second.write(bytes, offset, length);
            }
            try {
                first.write(bytes, offset, length);
            } catch (java.io.IOException ignored) {
                // the console is best effort
            }
        }
    }
}
