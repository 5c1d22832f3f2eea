package dev.telemetrycdi.it.probe;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Test-only resource added to the sample WAR by {@code StdoutIT}: makes the server write output of its own to its
 * console from many threads at once, as an application does. Each thread logs through a {@code java.util.logging}
 * category the module does not bridge (WildFly's console handler writes it, coloured; Open Liberty puts it in
 * {@code messages.log}) and prints to {@code System.out} (the console on both servers). With {@code long=true} every twenty-fifth record and line is
 * longer than the 8 KiB buffers of the server's console output. Answers when every thread has finished.
 */
@RequestScoped
@Path("/probe/noise")
public class ConsoleNoiseProbe {
    /** Text of every noise record and line: the test counts the ones it sees. */
    public static final String MARK = "console-noise";
    private static final Logger NOISE = Logger.getLogger("it.console.noise");
    private static final String LONG = "x".repeat(9_000);

    @GET
    public String noise(@QueryParam("threads") int threads, @QueryParam("records") int records,
                        @QueryParam("long") boolean withLong) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread each = new Thread(() -> {
                for (int i = 0; i < records; i++) {
                    String tail = withLong && i % 25 == 24 ? " " + LONG : "";
                    NOISE.info(MARK + " jul " + thread + "/" + i + tail);
                    System.out.println(MARK + " out " + thread + "/" + i + tail);
                }
            }, "console-noise-" + t);
            each.start();
            started.add(each);
        }
        for (Thread each : started) {
            each.join();
        }
        return "done";
    }
}
