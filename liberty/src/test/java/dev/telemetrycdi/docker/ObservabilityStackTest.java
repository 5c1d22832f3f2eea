package dev.telemetrycdi.docker;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.settings.Setting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.telemetrycdi.docker.YamlTree.list;
import static dev.telemetrycdi.docker.YamlTree.map;
import static dev.telemetrycdi.docker.YamlTree.names;
import static dev.telemetrycdi.docker.YamlTree.string;
import static dev.telemetrycdi.docker.YamlTree.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the logs half of the local observability stack without a Docker engine (DockerFilesTest checks the rest of
 * {@code docker/}): the collector's three pipelines and their components, the filelog receiver that reads the
 * sample's log file from the volume it shares with the sample, Loki and Grafana in the compose file, Grafana's
 * provisioned data sources (the Loki line to Jaeger trace link) and dashboard.
 *
 * <p>The dashboard's LogQL queries are checked against real lines: {@code observability/request-completed-lines.jsonl}
 * in the test resources holds {@code request_completed} lines copied from an integration test run (its README says
 * which). A query may only read fields those lines have (by the names Loki's {@code json} parser gives them), and
 * each such field must be one of {@link FieldNames}.
 *
 * <p>Paths are relative to the liberty module, surefire's working directory.
 */
class ObservabilityStackTest {
    private static final Path DOCKER = Path.of("..", "docker");
    private static final Path COMPOSE = DOCKER.resolve("docker-compose.observability.yaml");
    private static final Path COLLECTOR_CONFIG = DOCKER.resolve("otel-collector.yaml");
    private static final Path GRAFANA = DOCKER.resolve("grafana");
    private static final Path DATASOURCES = GRAFANA.resolve(Path.of("provisioning", "datasources", "datasources.yaml"));
    private static final Path DASHBOARD_PROVIDERS = GRAFANA.resolve(Path.of("provisioning", "dashboards", "dashboards.yaml"));
    private static final Path DASHBOARD = GRAFANA.resolve(Path.of("dashboards", "telemetry-cdi-requests.json"));
    private static final Path DOC = Path.of("..", "docs", "telemetry", "local-observability.md");
    private static final String SAMPLE_LINES = "/observability/request-completed-lines.jsonl";

    private static final String COLLECTOR_IMAGE = "otel/opentelemetry-collector-contrib:0.114.0";

    /**
     * Component types this configuration may use: a small allow-list, each one checked against the component list of
     * the pinned release, {@code distributions/otelcol-contrib/manifest.yaml} of
     * open-telemetry/opentelemetry-collector-releases at tag v0.114.0 (commit
     * dc1bada8170bceba6bd1b86f73674ef3a8775bce), where each is a module named {@code <type><kind>} (otlpreceiver,
     * filelogreceiver, batchprocessor, otlphttpexporter, ...). Add a type here only after checking it there, for the
     * version the compose file pins.
     */
    private static final Map<String, Set<String>> CONTRIB_0_114_0 = Map.of(
            "receivers", Set.of("otlp", "filelog", "hostmetrics", "prometheus", "jaeger", "zipkin"),
            "processors", Set.of("batch", "memory_limiter", "resource", "attributes", "transform", "filter"),
            "exporters", Set.of("otlp", "otlphttp", "debug", "file", "loki"));
    private static final List<String> KINDS = List.of("receivers", "processors", "exporters");

    /** Labels every stream has in Loki: service.name becomes service_name (Loki's OTLP ingestion). */
    private static final Set<String> STREAM_LABELS = Set.of("service_name");
    /**
     * The structured metadata in which Loki's OTLP endpoint keeps a log record's trace id (Loki's "Ingesting logs to
     * Loki using OpenTelemetry Collector", format considerations: TraceId and SpanId become trace_id and span_id).
     */
    private static final String LOKI_TRACE_ID = "trace_id";
    private static final Pattern LABEL_FILTER = Pattern.compile(
            "\\|\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|==|>=|<=|=|>|<)\\s*(\"|`|-?\\d)");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    private static final Pattern UNWRAP = Pattern.compile("\\|\\s*unwrap\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern REGEXP_STAGE = Pattern.compile("\\|\\s*regexp\\s+`([^`]*)`");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P<([A-Za-z_][A-Za-z0-9_]*)>");
    private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\"([^\"]*)\"");

    private static final ObjectMapper JSON = new ObjectMapper();

    // ---------------------------------------------------------------- collector

    @Test
    void collectorHasTracesMetricsAndLogsPipelines() {
        Map<String, Object> pipelines = pipelines();
        assertEquals(Set.of("traces", "metrics", "logs"), pipelines.keySet(), "the collector's pipelines");
        Map<String, Object> logs = map(pipelines.get("logs"), "logs pipeline");
        List<String> receivers = names(logs.get("receivers"));
        assertTrue(receivers.contains("otlp"), "logs pipeline keeps otlp, for the module's OTLP log records to come");
        assertTrue(receivers.stream().anyMatch(r -> type(r).equals("filelog")), "logs pipeline reads the sample's file");

        Map<String, Object> exporters = map(collectorConfig().get("exporters"), "exporters");
        String toLoki = null;
        for (String exporter : names(logs.get("exporters"))) {
            if (type(exporter).equals("otlphttp")) {
                Object endpoint = map(exporters.get(exporter), "exporters." + exporter).get("endpoint");
                if ("http://loki:3100/otlp".equals(endpoint)) {
                    toLoki = exporter;
                }
            }
        }
        assertNotNull(toLoki, "logs pipeline has no otlphttp exporter to Loki's OTLP endpoint http://loki:3100/otlp");
        assertTrue(services().containsKey("loki"), "the collector exports logs to a service loki that is not there");
        for (String signal : List.of("traces", "metrics")) {
            assertTrue(names(map(pipelines.get(signal), signal).get("receivers")).contains("otlp"),
                    signal + " pipeline receives OTLP");
        }
    }

    /** The collector refuses to start on a pipeline naming an undefined component; an unused one is a mistake. */
    @Test
    void everyComponentAPipelineUsesIsDefinedAndEveryDefinedOneIsUsed() {
        Map<String, Object> config = collectorConfig();
        Map<String, Object> pipelines = pipelines();
        List<String> problems = new ArrayList<>();
        for (String kind : KINDS) {
            Set<String> defined = config.get(kind) == null ? Set.of() : map(config.get(kind), kind).keySet();
            Set<String> used = new TreeSet<>();
            pipelines.forEach((name, body) -> {
                Map<String, Object> pipeline = map(body, "pipeline " + name);
                if (pipeline.containsKey(kind)) {
                    for (String component : names(pipeline.get(kind))) {
                        used.add(component);
                        if (!defined.contains(component)) {
                            problems.add("pipeline " + name + " uses " + kind + " " + component + ", not defined");
                        }
                    }
                }
            });
            for (String component : defined) {
                if (!used.contains(component)) {
                    problems.add(kind + " " + component + " is defined but no pipeline uses it");
                }
            }
        }
        Map<String, Object> service = map(config.get("service"), "service");
        Set<String> extensions = config.get("extensions") == null ? Set.of()
                : map(config.get("extensions"), "extensions").keySet();
        List<String> enabled = service.get("extensions") == null ? List.of() : names(service.get("extensions"));
        if (!new TreeSet<>(extensions).equals(new TreeSet<>(enabled))) {
            problems.add("extensions defined " + extensions + " but enabled in service.extensions " + enabled);
        }
        assertFalse(config.containsKey("connectors"), "no connectors: this test does not check them yet");
        assertEquals(List.of(), problems);
    }

    @Test
    void componentTypesAreInThePinnedContribRelease() {
        assertEquals(COLLECTOR_IMAGE, services().get("otel-collector").get("image"),
                "the allow-list CONTRIB_0_114_0 was checked against this release: check it again for another one");
        Map<String, Object> config = collectorConfig();
        List<String> problems = new ArrayList<>();
        for (String kind : KINDS) {
            for (String component : map(config.get(kind), kind).keySet()) {
                if (!CONTRIB_0_114_0.get(kind).contains(type(component))) {
                    problems.add(kind + " " + component + ": type " + type(component)
                            + " is not in the allow-list of otelcol-contrib 0.114.0 components");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * The filelog receiver reads the file the sample writes, through the named volume both mount, parses the module's
     * JSON (timestamp, level, trace_id / span_id / trace_flags by their {@link FieldNames}) and names the service.
     */
    @Test
    void filelogReadsTheSamplesJsonLinesFromTheSharedVolume() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> sample = services.get("sample");
        Map<String, String> sampleEnv = stringMap(sample.get("environment"), "environment of sample");
        assertEquals("json", sampleEnv.get("LOG_FORMAT"), "the sample writes JSON lines for the filelog receiver");
        Path logFile = Path.of(sampleEnv.get("TELEMETRY_LOG_FILE"));
        assertTrue(logFile.isAbsolute(), "TELEMETRY_LOG_FILE is an absolute path in the container: " + logFile);

        String volume = namedVolumeAt(sample, logFile.getParent(), "sample");
        assertTrue(map(compose().get("volumes"), "top-level volumes").containsKey(volume),
                "volume " + volume + " is declared at the top level");
        Map<String, Object> collector = services.get("otel-collector");
        String collectorVolume = namedVolumeAt(collector, logFile.getParent(), "otel-collector");
        assertEquals(volume, collectorVolume, "the collector mounts the sample's log volume at the same path");

        Map<String, Object> receivers = map(collectorConfig().get("receivers"), "receivers");
        String filelog = receivers.keySet().stream().filter(r -> type(r).equals("filelog")).findFirst().orElseThrow();
        Map<String, Object> settings = map(receivers.get(filelog), "receivers." + filelog);
        List<String> include = names(settings.get("include"));
        assertTrue(include.stream().anyMatch(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)
                .matches(logFile)), filelog + " include " + include + " does not match " + logFile);
        assertEquals("beginning", settings.get("start_at"), "lines written before the collector started are read");

        List<Map<String, Object>> operators = new ArrayList<>();
        for (Object operator : list(settings.get("operators"), "operators")) {
            operators.add(map(operator, "operator"));
        }
        Map<String, Object> json = operators.stream().filter(o -> "json_parser".equals(o.get("type"))).findFirst()
                .orElseThrow(() -> new AssertionError(filelog + " has no json_parser"));
        String parsed = json.get("parse_to") == null ? "attributes" : string(json.get("parse_to"), "parse_to");
        Map<String, Object> timestamp = map(json.get("timestamp"), "json_parser.timestamp");
        assertEquals(parsed + "." + FieldNames.TIMESTAMP, timestamp.get("parse_from"));
        assertEquals("gotime", timestamp.get("layout_type"));
        assertEquals("2006-01-02T15:04:05.000Z07:00", timestamp.get("layout"),
                "Go's layout of the module's timestamps (UTC, milliseconds, Z)");
        Map<String, Object> severity = map(json.get("severity"), "json_parser.severity");
        assertEquals(parsed + "." + FieldNames.LEVEL, severity.get("parse_from"));
        Set<String> mapped = map(severity.get("mapping"), "severity.mapping").values().stream()
                .flatMap(v -> v instanceof List<?> l ? l.stream() : Stream.of(v)).map(String::valueOf)
                .collect(Collectors.toSet());
        for (LogLevel level : LogLevel.values()) {
            assertTrue(mapped.contains(level.label()), "severity mapping lacks the module's level " + level.label());
        }
        Map<String, Object> trace = map(json.get("trace"), "json_parser.trace");
        assertEquals(parsed + "." + FieldNames.TRACE_ID, map(trace.get("trace_id"), "trace_id").get("parse_from"));
        assertEquals(parsed + "." + FieldNames.SPAN_ID, map(trace.get("span_id"), "span_id").get("parse_from"));
        assertEquals(parsed + "." + FieldNames.TRACE_FLAGS,
                map(trace.get("trace_flags"), "trace_flags").get("parse_from"));
        if (!parsed.equals("attributes")) {
            assertTrue(operators.stream().anyMatch(o -> "remove".equals(o.get("type")) && parsed.equals(o.get("field"))),
                    "the parsed fields (" + parsed + ") are removed again, the body keeps the line");
        }
        Map<String, Object> service = operators.stream().filter(o -> "add".equals(o.get("type"))
                && "resource[\"service.name\"]".equals(o.get("field"))).findFirst()
                .orElseThrow(() -> new AssertionError(filelog + " does not set resource service.name"));
        assertEquals(serviceName(), service.get("value"), "the lines' service.name is the sample's service name");

        // the real lines: every timestamp in the layout, every level mapped, trace ids where there are any
        for (JsonNode line : sampleLines()) {
            String text = line.get(FieldNames.TIMESTAMP).asText();
            assertTrue(text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), "timestamp " + text);
            Instant.parse(text);
            assertTrue(mapped.contains(line.get(FieldNames.LEVEL).asText()), "level of " + line);
        }
    }

    /**
     * The sample-otlp service is the sample with its lines sent as OTLP log records instead of through the file: the
     * sample's own settings (which DockerFilesTest checks against the settings reference) without the file and its
     * JSON format, plus the module's OTLP switch; its own profile, and no share of the file's volume, so that no
     * record reaches Loki twice.
     */
    @Test
    void sampleOtlpSendsItsLinesAsLogRecordsInsteadOfTheFile() {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> sample = services.get("sample");
        Map<String, Object> otlp = services.get("sample-otlp");
        assertNotNull(otlp, "a service sample-otlp");
        assertEquals(List.of("sample-otlp"), names(otlp.get("profiles")), "its own profile, instead of sample's");
        assertEquals(sample.get("build"), otlp.get("build"), "the same image as the sample");
        assertEquals(sample.get("env_file"), otlp.get("env_file"));
        assertNull(otlp.get("volumes"), "no share of the file's volume: nothing for the filelog receiver");

        Map<String, String> expected = new LinkedHashMap<>(stringMap(sample.get("environment"), "environment of sample"));
        expected.remove(Setting.LOG_FILE.envVar());
        expected.remove(Setting.LOG_FORMAT.envVar());
        expected.put(Setting.LOG_OTLP.envVar(), "true");
        assertEquals(expected, stringMap(otlp.get("environment"), "environment of sample-otlp"),
                "the sample's tracing towards the collector, records instead of the file");
        assertTrue(names(map(pipelines().get("logs"), "logs pipeline").get("receivers")).contains("otlp"),
                "the records arrive at the collector's otlp receiver, in the logs pipeline");
    }

    // ---------------------------------------------------------------- Loki and Grafana in the compose file

    @Test
    void lokiAndGrafanaArePinnedAndGrafanaMountsItsProvisioning() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertEquals("grafana/loki:3.3.2", services.get("loki").get("image"));
        assertEquals("grafana/grafana:11.3.1", services.get("grafana").get("image"));
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object volume : list(services.get("grafana").get("volumes"), "volumes of grafana")) {
            String[] parts = string(volume, "volume").split(":");
            mounts.put(DOCKER.resolve(parts[0]).normalize().toString(), parts[1]);
        }
        assertEquals("/etc/grafana/provisioning", mounts.get(GRAFANA.resolve("provisioning").normalize().toString()),
                "docker/grafana/provisioning is Grafana's provisioning directory");
        String dashboards = mounts.get(DASHBOARD.getParent().normalize().toString());
        assertNotNull(dashboards, "grafana mounts docker/grafana/dashboards");

        List<Object> providers = list(yaml(DASHBOARD_PROVIDERS).get("providers"), "providers");
        assertEquals(1, providers.size());
        Map<String, Object> provider = map(providers.get(0), "provider");
        assertEquals("file", provider.get("type"));
        assertEquals(dashboards, map(provider.get("options"), "options").get("path"),
                "the dashboards provider reads the directory docker/grafana/dashboards is mounted at");
        try (Stream<Path> files = Files.list(DASHBOARD.getParent())) {
            for (Path file : files.toList()) {
                assertTrue(file.toString().endsWith(".json"), "only dashboards in " + DASHBOARD.getParent());
                JSON.readTree(file.toFile());
            }
        }
    }

    // ---------------------------------------------------------------- Grafana data sources

    @Test
    void lokiLinesLinkToTheirTraceInJaegerAndBack() throws IOException {
        Map<String, Map<String, Object>> datasources = datasources();
        Map<String, Object> loki = datasources.get("loki");
        Map<String, Object> jaeger = datasources.get("jaeger");
        assertNotNull(loki, "a data source with uid loki");
        assertNotNull(jaeger, "a data source with uid jaeger");
        assertEquals("loki", loki.get("type"));
        assertEquals("http://loki:3100", loki.get("url"));
        assertEquals("jaeger", jaeger.get("type"));
        assertEquals("http://jaeger:16686", jaeger.get("url"), "Jaeger's query API, on its UI port");

        List<Object> derived = list(map(loki.get("jsonData"), "loki jsonData").get("derivedFields"), "derivedFields");
        assertEquals(1, derived.size());
        Map<String, Object> field = map(derived.get(0), "derived field");
        assertTrue(datasources.containsKey(string(field.get("datasourceUid"), "datasourceUid")),
                "the derived field links to a provisioned data source");
        assertEquals("jaeger", field.get("datasourceUid"));
        assertEquals("$${__value.raw}", field.get("url"),
                "the trace id itself as the query; $$ because Grafana expands $ in provisioning files");

        // Loki keeps an OTLP log record's trace id as the structured metadata trace_id; the link reads that (not the
        // line's text, which an OTLP log record of the module does not have: its body is the event name). From the
        // file, the record's trace id is the line's trace_id (filelogReadsTheSamplesJsonLinesFromTheSharedVolume):
        // every traced real line has one the collector's trace parser accepts (32 lower-case hex digits, not zero)
        assertEquals("label", field.get("matcherType"), "the link reads Loki's structured metadata");
        assertEquals(LOKI_TRACE_ID, field.get("matcherRegex"), "the structured metadata Loki gives a record's trace id");
        int traced = 0;
        for (JsonNode line : sampleLines()) {
            if (line.has(FieldNames.TRACE_ID)) {
                traced++;
                String id = line.get(FieldNames.TRACE_ID).asText();
                assertTrue(id.matches("[0-9a-f]{32}") && !id.matches("0+"), "trace_id of " + line);
                assertTrue(line.path(FieldNames.SPAN_ID).asText().matches("[0-9a-f]{16}"), "span_id of " + line);
            }
        }
        assertTrue(traced >= 2, "the sample lines have traced lines");

        Map<String, Object> toLogs = map(map(jaeger.get("jsonData"), "jaeger jsonData").get("tracesToLogsV2"),
                "tracesToLogsV2");
        assertTrue(datasources.containsKey(string(toLogs.get("datasourceUid"), "tracesToLogsV2.datasourceUid")));
        String query = string(toLogs.get("query"), "tracesToLogsV2.query");
        assertTrue(query.contains("| " + LOKI_TRACE_ID + "=\"$${__trace.traceId}\""),
                "the trace's records by the structured metadata of their trace id: " + query);
        assertEquals(Map.of("service_name", serviceName()), selector(query), "stream selector of " + query);
    }

    // ---------------------------------------------------------------- dashboard

    @Test
    void dashboardReferencesOnlyProvisionedDataSourcesAndShowsRateErrorsAndDurations() throws IOException {
        Set<String> uids = datasources().keySet();
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        assertEquals("telemetry-cdi-requests", dashboard.path("uid").asText());
        List<String> problems = new ArrayList<>();
        forEachDatasource(dashboard, (where, uid) -> {
            if (!uids.contains(uid)) {
                problems.add(where + " uses data source uid " + uid + ", not provisioned " + uids);
            }
        }, "dashboard");
        assertEquals(List.of(), problems);

        List<String> exprs = expressions(dashboard);
        for (String by : List.of("http_route", "label_set")) {
            String grouping = "by (" + by + ")";
            assertTrue(exprs.stream().anyMatch(e -> e.startsWith("sum " + grouping + " (rate(")),
                    "requests per second " + grouping);
            assertTrue(exprs.stream().anyMatch(e -> e.contains(grouping) && e.contains("http_response_status_code >= 500")
                    && e.contains(") / sum " + grouping)), "error ratio " + grouping);
            for (String q : List.of("0.5", "0.95", "0.99")) {
                assertTrue(exprs.stream().anyMatch(e -> e.startsWith("quantile_over_time(" + q + ",")
                        && e.contains("| unwrap duration_ms") && e.endsWith(grouping)), "p" + q + " " + grouping);
            }
        }
    }

    /**
     * Every field a query reads after {@code | json} is in the real lines (by the name Loki's json parser gives it:
     * every character outside {@code [A-Za-z0-9_]} becomes {@code _}) and is one of {@link FieldNames}; every
     * {@code regexp} stage finds what it extracts in the real lines; the stream selector is the one the collector
     * gives the lines; the event compared is the module's {@code request_completed}.
     */
    @Test
    void dashboardQueriesReadOnlyFieldsTheModuleWrites() throws IOException {
        List<JsonNode> lines = sampleLines();
        Set<String> inLines = new TreeSet<>();
        for (JsonNode line : lines) {
            assertEquals(FieldNames.EVENT_REQUEST_COMPLETED, line.path(FieldNames.EVENT).asText());
            line.fieldNames().forEachRemaining(name -> inLines.add(lokiName(name)));
        }
        Set<String> moduleFields = new TreeSet<>();
        for (Field constant : FieldNames.class.getFields()) {
            if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == String.class
                    && !constant.getName().startsWith("EVENT_") && !constant.getName().equals("ID_SUFFIX")) {
                try {
                    moduleFields.add(lokiName((String) constant.get(null)));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }

        List<String> problems = new ArrayList<>();
        List<String> exprs = expressions(JSON.readTree(DASHBOARD.toFile()));
        assertFalse(exprs.isEmpty(), "the dashboard has no queries");
        for (String expr : exprs) {
            assertEquals(Map.of("service_name", serviceName()), selector(expr), "stream selector of " + expr);
            assertTrue(expr.contains("| json"), "parses the line as JSON: " + expr);
            assertTrue(expr.contains("event=\"" + FieldNames.EVENT_REQUEST_COMPLETED + "\""),
                    "only request_completed lines: " + expr);

            Set<String> extracted = new TreeSet<>();
            Matcher regexp = REGEXP_STAGE.matcher(expr);
            while (regexp.find()) {
                Matcher group = NAMED_GROUP.matcher(regexp.group(1));
                while (group.find()) {
                    extracted.add(group.group(1));
                }
                checkRegexpOnLines(regexp.group(1), lines, problems);
            }
            for (String name : referencedNames(expr)) {
                if (name.equals("__error__") || STREAM_LABELS.contains(name) || extracted.contains(name)) {
                    continue;
                }
                if (!inLines.contains(name)) {
                    problems.add(name + " is in none of the real request_completed lines: " + expr);
                } else if (!moduleFields.contains(name)) {
                    problems.add(name + " is not a FieldNames field: " + expr);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * The regexp stage captures each line's labels. RE2's named group {@code (?P<label_set>...)} is read as a plain
     * group (Java's group names cannot hold an underscore); the rest of the pattern means the same in both.
     */
    private static void checkRegexpOnLines(String re2, List<JsonNode> lines, List<String> problems) {
        Pattern pattern = Pattern.compile(NAMED_GROUP.matcher(re2).replaceAll("("));
        int matched = 0;
        for (JsonNode line : lines) {
            String text = rawText(line);
            Matcher m = pattern.matcher(text);
            if (!line.has(FieldNames.LABELS)) {
                if (m.find()) {
                    problems.add("regexp " + re2 + " matches a line without labels: " + text);
                }
                continue;
            }
            List<String> labels = new ArrayList<>();
            line.get(FieldNames.LABELS).forEach(l -> labels.add("\"" + l.asText() + "\""));
            if (!m.find() || !m.group(1).equals(String.join(",", labels))) {
                problems.add("regexp " + re2 + " does not capture the labels of " + text);
            } else {
                matched++;
            }
        }
        if (matched == 0) {
            problems.add("regexp " + re2 + " matches none of the real lines");
        }
    }

    // ---------------------------------------------------------------- docs

    @Test
    void docsWalkFromALogLineToItsTrace() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (String text : List.of("http://localhost:3000", "Explore", "Open trace in Jaeger", "trace_id",
                "request_completed", "telemetry-cdi requests", "ObservabilityStackTest", "request-completed-lines.jsonl",
                "filelog", "TELEMETRY_LOG_FILE", "docker/grafana/", "not been run")) {
            assertTrue(doc.contains(text), DOC + " does not mention " + text);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The names a query reads: label filters, grouping labels and the unwrapped label. */
    private static Set<String> referencedNames(String expr) {
        Set<String> names = new LinkedHashSet<>();
        String pipeline = expr.replaceAll("\\{[^}]*}", "{}");
        Matcher filter = LABEL_FILTER.matcher(pipeline);
        while (filter.find()) {
            names.add(filter.group(1));
        }
        Matcher grouping = GROUPING.matcher(pipeline);
        while (grouping.find()) {
            for (String name : grouping.group(1).split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        Matcher unwrap = UNWRAP.matcher(pipeline);
        while (unwrap.find()) {
            names.add(unwrap.group(1));
        }
        return names;
    }

    /** The label matchers of the query's (every) stream selector; all of them must agree. */
    private static Map<String, String> selector(String expr) {
        Map<String, String> labels = null;
        Matcher selector = SELECTOR.matcher(expr);
        while (selector.find()) {
            if (selector.group(1).contains("__")) {
                continue; // a Grafana variable such as ${__trace.traceId}
            }
            Map<String, String> these = new LinkedHashMap<>();
            Matcher matcher = MATCHER.matcher(selector.group(1));
            while (matcher.find()) {
                these.put(matcher.group(1), matcher.group(2));
            }
            assertTrue(labels == null || labels.equals(these), "different stream selectors in " + expr);
            labels = these;
        }
        assertNotNull(labels, "no stream selector in " + expr);
        return labels;
    }

    /** Loki's json parser: a key's characters outside [A-Za-z0-9_] become _ ("http.route" is http_route). */
    private static String lokiName(String key) {
        String name = key.replaceAll("[^A-Za-z0-9_]", "_");
        return Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                if (target.has("expr")) {
                    exprs.add(target.get("expr").asText());
                }
            }
        }
        return exprs;
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static void forEachDatasource(JsonNode node, java.util.function.BiConsumer<String, String> check,
                                          String where) {
        if (node.isObject()) {
            JsonNode datasource = node.get("datasource");
            if (datasource != null && datasource.isObject() && datasource.has("uid")) {
                check.accept(where, datasource.get("uid").asText());
            } else if (datasource != null && datasource.isTextual()) {
                check.accept(where, datasource.asText());
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                if (!entry.getKey().equals("datasource")) {
                    forEachDatasource(entry.getValue(), check,
                            where + "." + entry.getKey() + (node.has("title") ? "(" + node.get("title").asText() + ")" : ""));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEachDatasource(node.get(i), check, where + "[" + i + "]");
            }
        }
    }

    /** The line as the module wrote it (the regular expressions run on the text, not on a re-serialisation). */
    private static String rawText(JsonNode line) {
        String text = RAW_TEXT.get(line);
        assertNotNull(text, "not a sample line: " + line);
        return text;
    }

    private static final Map<JsonNode, String> RAW_TEXT = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private static List<JsonNode> sampleLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = ObservabilityStackTest.class.getResourceAsStream(SAMPLE_LINES)) {
            assertNotNull(in, SAMPLE_LINES + " missing from the test resources");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    assertTrue(node.isObject(), "not a JSON object: " + line);
                    lines.add(node);
                    RAW_TEXT.put(node, line);
                }
            }
        }
        assertTrue(lines.size() >= 10, "the sample has real lines");
        return lines;
    }

    /** The sample's service name: OTEL_SERVICE_NAME of docker/.env.dev, which the sample service reads. */
    private static String serviceName() {
        try {
            for (String line : Files.readAllLines(DOCKER.resolve(".env.dev"), StandardCharsets.UTF_8)) {
                if (line.startsWith("OTEL_SERVICE_NAME=")) {
                    return line.substring("OTEL_SERVICE_NAME=".length());
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no OTEL_SERVICE_NAME in docker/.env.dev");
    }

    private static Map<String, Map<String, Object>> datasources() {
        Map<String, Map<String, Object>> byUid = new LinkedHashMap<>();
        Map<String, Object> file = yaml(DATASOURCES);
        assertEquals(1, file.get("apiVersion"), "provisioning apiVersion");
        for (Object entry : list(file.get("datasources"), "datasources")) {
            Map<String, Object> datasource = map(entry, "datasource");
            String uid = string(datasource.get("uid"), "uid of " + datasource.get("name"));
            assertFalse(byUid.containsKey(uid), "uid " + uid + " twice");
            byUid.put(uid, datasource);
        }
        return byUid;
    }

    /** The named volume the service mounts at {@code path}. */
    private static String namedVolumeAt(Map<String, Object> service, Path path, String name) {
        for (Object volume : list(service.get("volumes"), "volumes of " + name)) {
            String[] parts = string(volume, "volume of " + name).split(":");
            if (parts.length >= 2 && Path.of(parts[1]).equals(path)) {
                assertFalse(parts[0].startsWith(".") || parts[0].startsWith("/"),
                        name + " mounts a bind mount at " + path + ", not the named volume");
                return parts[0];
            }
        }
        return fail(name + " mounts nothing at " + path);
    }

    private static String type(String component) {
        int slash = component.indexOf('/');
        return slash < 0 ? component : component.substring(0, slash);
    }

    private static Map<String, Object> pipelines() {
        return map(map(collectorConfig().get("service"), "service").get("pipelines"), "service.pipelines");
    }

    private static Map<String, Object> collectorConfig() {
        return yaml(COLLECTOR_CONFIG);
    }

    private static Map<String, Object> compose() {
        return yaml(COMPOSE);
    }

    private static Map<String, Map<String, Object>> services() {
        return YamlTree.services(compose());
    }

    private static Map<String, String> stringMap(Object value, String what) {
        Map<String, String> strings = new LinkedHashMap<>();
        map(value, what).forEach((k, v) -> strings.put(k, string(v, what + "." + k)));
        return strings;
    }

}
