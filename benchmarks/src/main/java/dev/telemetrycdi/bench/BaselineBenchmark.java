package dev.telemetrycdi.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.HashMap;
import java.util.Map;

/**
 * The reference every other figure is divided by, measured in the same run on the same machine: the bookkeeping
 * a hand-written access log does per request without this module, a small map of the request's attributes and
 * its one line of text ({@code GET /dtx/api/tournaments/5/draft/12 200}).
 */
public class BaselineBenchmark extends BenchmarkDefaults {
    private String method;
    private String uri;
    private String user;
    private int status;

    @Setup
    public void start() {
        method = SampleRequest.METHOD;
        uri = SampleRequest.URI;
        user = SampleRequest.USER;
        status = SampleRequest.STATUS;
    }

    @Benchmark
    public void baseline(Blackhole blackhole) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("method", method);
        attributes.put("uri", uri);
        attributes.put("user", user);
        attributes.put("status", status);
        blackhole.consume(attributes);
        blackhole.consume(method + ' ' + uri + ' ' + status);
    }
}
