package dev.telemetrycdi.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real OTLP/HTTP receiver on a loopback port: decodes the protobuf payloads the server exports to
 * {@code /v1/traces} and {@code /v1/logs} and keeps the spans and log records; metrics are kept by name, and every
 * post is counted by path.
 */
final class OtlpReceiver {
    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<ReceivedLog> logs = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> posts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, ReceivedMetric> metrics = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> authorizations = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, java.util.Set<String>> metricScopes = new java.util.concurrent.ConcurrentHashMap<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}, the OTLP endpoint to configure. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many export requests arrived on {@code path} (e.g. {@code /v1/traces}). */
    int posts(String path) {
        return posts.getOrDefault(path, 0);
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** Waits for a span matching {@code match}. */
    ReceivedSpan await(Predicate<ReceivedSpan> match) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (ReceivedSpan span : spans) {
                if (match.test(span)) {
                    return span;
                }
            }
            LogFile.sleep();
        }
        return fail("no matching span among " + spans);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            posts.merge(path, 1, Integer::sum);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            byte[] payload = body.readAllBytes();
            if (path.equals("/v1/traces")) {
                collect(ExportTraceServiceRequest.parseFrom(payload));
            } else if (path.equals("/v1/logs")) {
                collectLogs(ExportLogsServiceRequest.parseFrom(payload));
            } else if (path.equals("/v1/metrics")) {
                collectMetrics(ExportMetricsServiceRequest.parseFrom(payload));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void collect(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            Map<String, Object> resourceAttributes = attributes(resource.getResource().getAttributesList());
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(new ReceivedSpan(hex(span.getTraceId().toByteArray()),
                            hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind().name(), attributes(span.getAttributesList()),
                            resourceAttributes));
                }
            }
        }
    }

    private void collectLogs(ExportLogsServiceRequest request) {
        for (ResourceLogs resource : request.getResourceLogsList()) {
            Map<String, Object> resourceAttributes = attributes(resource.getResource().getAttributesList());
            for (ScopeLogs scope : resource.getScopeLogsList()) {
                for (LogRecord record : scope.getLogRecordsList()) {
                    logs.add(new ReceivedLog(scope.getScope().getName(), record.getTimeUnixNano(),
                            record.getSeverityNumberValue(), record.getSeverityText(), value(record.getBody()),
                            record.getEventName(), hex(record.getTraceId().toByteArray()),
                            hex(record.getSpanId().toByteArray()), record.getFlags() & 0xff,
                            attributes(record.getAttributesList()), resourceAttributes));
                }
            }
        }
    }

    /** The log records received so far. */
    List<ReceivedLog> logs() {
        return List.copyOf(logs);
    }

    /** Waits for a log record matching {@code match}. */
    ReceivedLog awaitLog(Predicate<ReceivedLog> match) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (ReceivedLog log : logs) {
                if (match.test(log)) {
                    return log;
                }
            }
            LogFile.sleep();
        }
        return fail("no matching log record among " + logs);
    }

    private void collectMetrics(ExportMetricsServiceRequest request) {
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                for (Metric metric : scope.getMetricsList()) {
                    double last = Double.NaN;
                    if (metric.hasGauge() && metric.getGauge().getDataPointsCount() > 0) {
                        NumberDataPoint point = metric.getGauge().getDataPoints(0);
                        last = point.hasAsDouble() ? point.getAsDouble() : point.getAsInt();
                    }
                    metrics.put(metric.getName(), new ReceivedMetric(metric.getName(), scope.getScope().getName(),
                            metric.getUnit(), last));
                    metricScopes.computeIfAbsent(metric.getName(),
                            name -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(scope.getScope().getName());
                }
            }
        }
    }

    /** The {@code Authorization} header values the exporter sent. */
    java.util.Set<String> authorizations() {
        return java.util.Set.copyOf(authorizations);
    }

    /** Every instrumentation scope that exported a metric of this name. */
    java.util.Set<String> scopesOf(String metric) {
        return java.util.Set.copyOf(metricScopes.getOrDefault(metric, java.util.Set.of()));
    }

    /** The metrics received so far, by name (the latest of each). */
    Map<String, ReceivedMetric> metrics() {
        return Map.copyOf(metrics);
    }

    private static Map<String, Object> attributes(List<KeyValue> keyValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (KeyValue keyValue : keyValues) {
            attributes.put(keyValue.getKey(), value(keyValue.getValue()));
        }
        return attributes;
    }

    private static Object value(AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE: return value.getStringValue();
            case INT_VALUE: return value.getIntValue();
            case BOOL_VALUE: return value.getBoolValue();
            case DOUBLE_VALUE: return value.getDoubleValue();
            case ARRAY_VALUE: return value.getArrayValue().getValuesList().stream().map(OtlpReceiver::value).toList();
            case KVLIST_VALUE: return attributes(value.getKvlistValue().getValuesList());
            case BYTES_VALUE: return hex(value.getBytesValue().toByteArray());
            case VALUE_NOT_SET: return null;
            default: return value.toString();
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    void stop() {
        server.stop(0);
    }

    /** One exported metric: its scope, unit and the first point of its latest gauge reading (NaN otherwise). */
    record ReceivedMetric(String name, String scope, String unit, double last) {
    }

    /**
     * One exported log record, decoded: its instrumentation scope, time, severity, body, event name (empty when not
     * set), trace context (empty ids when not set), attributes and its resource's attributes.
     */
    record ReceivedLog(String scope, long timeUnixNano, int severityNumber, String severityText, Object body,
                       String eventName, String traceId, String spanId, int flags, Map<String, Object> attributes,
                       Map<String, Object> resource) {
        String serviceName() {
            return String.valueOf(resource.get("service.name"));
        }
    }

    /** One exported span, decoded. */
    record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
                        Map<String, Object> attributes, Map<String, Object> resource) {
    }
}
