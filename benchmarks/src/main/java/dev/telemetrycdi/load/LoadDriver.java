package dev.telemetrycdi.load;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Sends requests to one URL with a fixed number of connections for a while, and measures. */
interface LoadDriver {
    String name();

    Measurement run(String url, int connections, Duration duration) throws IOException, InterruptedException;

    /** {@code wrk} when installed, else the JDK's HTTP client (for the smoke run on machines without wrk). */
    static LoadDriver best() {
        return Wrk.available() ? new Wrk(List.of(), 2) : new JavaLoad();
    }
}
