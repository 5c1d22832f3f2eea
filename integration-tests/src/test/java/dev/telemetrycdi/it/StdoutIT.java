package dev.telemetrycdi.it;

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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.telemetrycdi.it.LogFile.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Without {@code telemetry.log.file} the lines go to the server process's standard output, each one a bare JSON
 * object at the start of its line: Liberty does not wrap them. The Arquillian adapter copies the server's output
 * to this JVM's {@code System.out}, which the test tees while it runs.
 */
@ExtendWith(ArquillianExtension.class)
class StdoutIT {
    private static final SampleApp APP = SampleApp.named("stdout").with("telemetry.log.file", null);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
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
