package dev.telemetrycdi.docker;

import dev.telemetrycdi.LogFormat;
import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.settings.Setting;
import dev.telemetrycdi.internal.labels.LabelRules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.telemetrycdi.docker.YamlTree.listOrOne;
import static dev.telemetrycdi.docker.YamlTree.map;
import static dev.telemetrycdi.docker.YamlTree.names;
import static dev.telemetrycdi.docker.YamlTree.services;
import static dev.telemetrycdi.docker.YamlTree.string;
import static dev.telemetrycdi.docker.YamlTree.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the files of {@code docker/} without a Docker engine: the observability compose file and the collector
 * configuration it mounts (parsed as YAML), the per-environment {@code .env} files (against the settings
 * reference, {@link Setting}), the sample's {@code Dockerfile} and {@code server.xml}, and that
 * {@code docs/telemetry/local-observability.md} names what the files publish. The compose file is validated against
 * the Compose Specification's JSON schema, and the Dockerfile's build stage is replayed with Maven, on every machine.
 *
 * <p>Paths are relative to the liberty module, surefire's working directory.
 */
class DockerFilesTest {
    private static final Path ROOT = Path.of("..");
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Path COMPOSE = DOCKER.resolve("docker-compose.observability.yaml");
    private static final Path COLLECTOR_CONFIG = DOCKER.resolve("otel-collector.yaml");
    private static final Path DOCKERFILE = DOCKER.resolve("Dockerfile");
    private static final Path SERVER_XML = DOCKER.resolve("server.xml");
    private static final Path DOC = ROOT.resolve(Path.of("docs", "telemetry", "local-observability.md"));

    private static final String COLLECTOR = "otel-collector";
    private static final String JAEGER = "jaeger";
    private static final String SAMPLE = "sample";
    private static final int OTLP_GRPC = 4317;
    private static final int OTLP_HTTP = 4318;
    private static final int JAEGER_UI = 16686;
    private static final int SAMPLE_HTTP = 9080;

    /** Environment variables allowed besides the settings' own: MicroProfile Config's and the runtime's. */
    private static final Map<String, Set<String>> ALLOWED_EXTRA = Map.of(
            "MP_CONFIG_PROFILE", Set.of("dev", "test", "prod"),
            "OTEL_EXPORTER_OTLP_PROTOCOL", Set.of("grpc", "http/protobuf", "http/json"));

    /** The design's variables ("Environment Variables"): every .env file sets each of them. */
    private static final List<Setting> DESIGN_VARIABLES = List.of(Setting.ENABLED, Setting.LOG_LEVEL,
            Setting.LOG_FORMAT, Setting.STRUCTLOG_ENABLED, Setting.OTEL_ENABLED, Setting.OTEL_SERVICE_NAME,
            Setting.OTEL_TRACES_SAMPLER_ARG);

    /** Keys docker-compose 1.29 knows (Compose file 3.x plus profiles); newer Compose Spec keys fail there. */
    private static final Set<String> COMPOSE_TOP_LEVEL_KEYS = Set.of("version", "services", "networks", "volumes",
            "configs", "secrets");
    private static final Set<String> COMPOSE_SERVICE_KEYS = Set.of("image", "build", "command", "entrypoint",
            "environment", "env_file", "ports", "expose", "volumes", "depends_on", "restart", "profiles",
            "healthcheck", "networks", "labels", "container_name", "hostname", "user", "working_dir", "logging",
            "extra_hosts", "ulimits", "stop_grace_period", "tmpfs", "init", "deploy");

    private static final Pattern VERSION_TAG = Pattern.compile("\\d+(\\.\\d+)+([-._][A-Za-z0-9._-]+)?");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

    // ---------------------------------------------------------------- compose file

    @Test
    void composeUsesOnlyKeysDockerCompose129Accepts() {
        Map<String, Object> compose = compose();
        assertTrue(String.valueOf(compose.get("version")).startsWith("3."),
                "version: \"3.x\" keeps docker-compose 1.29 and the compose plugin both happy");
        for (String key : compose.keySet()) {
            assertTrue(COMPOSE_TOP_LEVEL_KEYS.contains(key) || key.startsWith("x-"),
                    "top-level key '" + key + "' is not Compose file 3.x");
        }
        services(compose).forEach((name, service) -> {
            for (String key : service.keySet()) {
                assertTrue(COMPOSE_SERVICE_KEYS.contains(key) || key.startsWith("x-"),
                        "service " + name + ": key '" + key + "' is not in this test's list of Compose 3.x keys");
            }
            assertTrue(service.containsKey("image") || service.containsKey("build"),
                    "service " + name + " has neither image nor build");
        });
    }

    @Test
    void imagesArePinned() throws IOException {
        services(compose()).forEach((name, service) -> {
            if (!service.containsKey("image")) {
                return;
            }
            String image = string(service.get("image"), "image of " + name);
            if (service.containsKey("build")) {
                // the name given to a locally built image: tagged, never 'latest'
                String tag = tag(image).orElse(null);
                assertNotNull(tag, "service " + name + ": built image " + image + " has no tag");
                assertFalse(tag.equals("latest"), "service " + name + ": built image tagged latest");
            } else {
                assertVersionPinned(image, "service " + name);
            }
        });
        List<String> from = dockerfileBaseImages();
        assertFalse(from.isEmpty(), "no FROM in " + DOCKERFILE);
        from.forEach(image -> assertVersionPinned(image, "Dockerfile FROM"));
    }

    @Test
    void collectorPublishesOtlpGrpcAndHttpAndJaegerItsUi() {
        Map<String, Map<String, Object>> services = services(compose());
        assertTrue(services.containsKey(COLLECTOR), "no service " + COLLECTOR);
        assertTrue(services.containsKey(JAEGER), "no service " + JAEGER);

        assertImage(services.get(COLLECTOR), "otel/opentelemetry-collector-contrib");
        Map<Integer, Integer> collectorPorts = publishedPorts(services.get(COLLECTOR), COLLECTOR);
        assertEquals(OTLP_GRPC, collectorPorts.get(OTLP_GRPC), "collector: OTLP gRPC published on the host as 4317");
        assertEquals(OTLP_HTTP, collectorPorts.get(OTLP_HTTP), "collector: OTLP HTTP published on the host as 4318");

        assertImage(services.get(JAEGER), "jaegertracing/all-in-one");
        Map<Integer, Integer> jaegerPorts = publishedPorts(services.get(JAEGER), JAEGER);
        assertEquals(JAEGER_UI, jaegerPorts.get(JAEGER_UI), "jaeger: UI published on the host as 16686");
        assertFalse(jaegerPorts.containsKey(OTLP_GRPC) || jaegerPorts.containsKey(OTLP_HTTP),
                "jaeger must not publish 4317/4318 as well: the collector owns them on the host");
        assertEquals("true", environment(services.get(JAEGER), JAEGER).get("COLLECTOR_OTLP_ENABLED"),
                "jaeger: COLLECTOR_OTLP_ENABLED=true, so that the collector can export to it over OTLP");
    }

    @Test
    void collectorMountsItsConfiguration() {
        Map<String, Object> collector = services(compose()).get(COLLECTOR);
        String target = null;
        for (Object volume : listOrOne(collector.get("volumes"), "volumes of " + COLLECTOR)) {
            String[] parts = string(volume, "volume of " + COLLECTOR).split(":");
            if (parts.length >= 2 && DOCKER.resolve(parts[0]).normalize().equals(COLLECTOR_CONFIG.normalize())) {
                target = parts[1];
            }
        }
        assertNotNull(target, COLLECTOR + " does not mount ./" + COLLECTOR_CONFIG.getFileName());
        assertTrue(Files.isRegularFile(COLLECTOR_CONFIG), COLLECTOR_CONFIG + " missing");
        List<String> command = collector.containsKey("command")
                ? listOrOne(collector.get("command"), "command of " + COLLECTOR).stream().map(String::valueOf).toList()
                : List.of();
        assertTrue(command.contains("--config=" + target) || target.equals("/etc/otelcol-contrib/config.yaml"),
                COLLECTOR + " mounts its configuration at " + target + " but does not run with it: " + command);
    }

    @Test
    void collectorReceivesOtlpAndExportsTracesToJaegerAndMetricsToDebug() {
        Map<String, Object> config = yaml(COLLECTOR_CONFIG);
        Map<String, Object> receivers = map(config.get("receivers"), "receivers");
        Map<String, Object> protocols = map(map(receivers.get("otlp"), "receivers.otlp").get("protocols"),
                "receivers.otlp.protocols");
        assertListens(protocols, "grpc", OTLP_GRPC);
        assertListens(protocols, "http", OTLP_HTTP);

        Map<String, Object> exporters = map(config.get("exporters"), "exporters");
        Map<String, Object> pipelines = map(map(config.get("service"), "service").get("pipelines"),
                "service.pipelines");
        // every component a pipeline uses is defined, and every defined one used: ObservabilityStackTest

        Map<String, Object> traces = map(pipelines.get("traces"), "traces pipeline");
        assertTrue(names(traces.get("receivers")).contains("otlp"), "traces pipeline does not receive from otlp");
        String toJaeger = null;
        for (String exporter : names(traces.get("exporters"))) {
            if (!exporter.equals("otlp") && !exporter.startsWith("otlp/")) {
                continue;
            }
            Map<String, Object> settings = map(exporters.get(exporter), "exporters." + exporter);
            String endpoint = string(settings.get("endpoint"), "exporters." + exporter + ".endpoint");
            if (endpoint.equals(JAEGER + ":" + OTLP_GRPC)) {
                toJaeger = exporter;
                Map<String, Object> tls = map(settings.get("tls"), "exporters." + exporter + ".tls");
                assertEquals(Boolean.TRUE, tls.get("insecure"), "jaeger's OTLP receiver speaks plain gRPC");
            }
        }
        assertNotNull(toJaeger, "traces pipeline has no OTLP exporter to " + JAEGER + ":" + OTLP_GRPC);
        assertTrue(services(compose()).containsKey(JAEGER), "the collector exports to a service that is not there");

        Map<String, Object> metrics = map(pipelines.get("metrics"), "metrics pipeline");
        assertTrue(names(metrics.get("receivers")).contains("otlp"), "metrics pipeline does not receive from otlp");
        assertTrue(names(metrics.get("exporters")).contains("debug"), "metrics pipeline does not export to debug");
    }

    @Test
    void sampleServiceRunsTheDockerfileAndExportsToTheCollector() {
        Map<String, Map<String, Object>> services = services(compose());
        Map<String, Object> sample = services.get(SAMPLE);
        assertNotNull(sample, "no service " + SAMPLE);
        assertTrue(listOrOne(sample.get("profiles"), "profiles of " + SAMPLE).contains(SAMPLE),
                "the sample only starts with --profile sample");

        Map<String, Object> build = map(sample.get("build"), "build of " + SAMPLE);
        Path context = DOCKER.resolve(string(build.get("context"), "build.context"));
        assertEquals(ROOT.toAbsolutePath().normalize(), context.toAbsolutePath().normalize(),
                "the build context is the repository root");
        Path dockerfile = context.resolve(string(build.get("dockerfile"), "build.dockerfile"));
        assertEquals(DOCKERFILE.toAbsolutePath().normalize(), dockerfile.toAbsolutePath().normalize(),
                "the sample is built from docker/Dockerfile");
        assertEquals(SAMPLE_HTTP, publishedPorts(sample, SAMPLE).get(SAMPLE_HTTP), "sample on the host's 9080");

        for (Object file : listOrOne(sample.get("env_file"), "env_file of " + SAMPLE)) {
            Path envFile = DOCKER.resolve(string(file, "env_file"));
            assertTrue(Files.isRegularFile(envFile), "env_file " + envFile + " missing");
        }

        Map<String, String> env = environment(sample, SAMPLE);
        List<String> problems = new ArrayList<>();
        env.forEach((key, value) -> checkVariable(key, value, "compose service " + SAMPLE, problems));
        assertEquals(List.of(), problems);
        assertEquals(Optional.of(true), bool(env.get(Setting.OTEL_ENABLED.envVar())),
                "the stack's sample has tracing on");
        URI endpoint = URI.create(env.get(Setting.OTEL_EXPORTER_OTLP_ENDPOINT.envVar()));
        assertEquals(COLLECTOR, endpoint.getHost(), "the sample exports to the collector service");
        String protocol = env.get("OTEL_EXPORTER_OTLP_PROTOCOL");
        assertEquals("http/protobuf", protocol, "the sample exports OTLP over HTTP");
        assertEquals(OTLP_HTTP, endpoint.getPort(), "http/protobuf goes to the collector's 4318");
        assertTrue(names(sample.get("depends_on")).contains(COLLECTOR), "the sample depends on the collector");
    }

    // ---------------------------------------------------------------- .env files

    @ParameterizedTest(name = ".env.{0}")
    @ValueSource(strings = {"dev", "test", "prod"})
    void envFileHoldsTheProfilesValues(String profile) throws IOException {
        Path file = DOCKER.resolve(".env." + profile);
        Map<String, String> env = envFile(file);
        List<String> problems = new ArrayList<>();
        env.forEach((key, value) -> checkVariable(key, value, file.getFileName().toString(), problems));
        assertEquals(List.of(), problems, "in " + file);

        assertEquals(profile, env.get("MP_CONFIG_PROFILE"), file + ": MP_CONFIG_PROFILE");
        for (Setting setting : DESIGN_VARIABLES) {
            assertTrue(env.containsKey(setting.envVar()), file + " does not set " + setting.envVar());
        }
        assertEquals(LogFormat.parse(Setting.LOG_FORMAT.defaultFor(profile)), LogFormat.parse(env.get("LOG_FORMAT")),
                file + ": LOG_FORMAT is the " + profile + " profile's");
        assertEquals(LogLevel.parse(Setting.LOG_LEVEL.defaultFor(profile)), LogLevel.parse(env.get("LOG_LEVEL")),
                file + ": LOG_LEVEL is the " + profile + " profile's");
        assertEquals("dtx-backend", env.get(Setting.OTEL_SERVICE_NAME.envVar()), file + ": the design's service name");
        assertEquals(new BigDecimal("0.1"), new BigDecimal(env.get(Setting.OTEL_TRACES_SAMPLER_ARG.envVar())),
                file + ": the design's sampling ratio");
        assertEquals(Optional.of(true), bool(env.get(Setting.ENABLED.envVar())), file + ": TELEMETRY_ENABLED");

        boolean tracing = bool(env.get(Setting.OTEL_ENABLED.envVar())).orElseThrow();
        boolean endpoint = env.containsKey(Setting.OTEL_EXPORTER_OTLP_ENDPOINT.envVar());
        assertEquals(tracing, endpoint, file + ": OTEL_EXPORTER_OTLP_ENDPOINT is set exactly where OTEL_ENABLED=true");
        assertFalse(env.containsKey(Setting.OTEL_EXPORTER_OTLP_HEADERS.envVar()),
                file + ": export headers are secrets, never in a committed file");
    }

    // ---------------------------------------------------------------- Dockerfile and server.xml

    @Test
    void dockerfileBuildsTheSampleOnOpenLiberty() throws IOException {
        List<String> lines = dockerfileInstructions();
        List<String> from = dockerfileBaseImages();
        assertTrue(from.stream().anyMatch(i -> i.startsWith("maven:") && i.contains("temurin-17")),
                "build stage on a pinned Maven + Temurin 17 image: " + from);
        String liberty = from.get(from.size() - 1);
        assertTrue(liberty.startsWith("icr.io/appcafe/open-liberty:") || liberty.startsWith("openliberty/open-liberty:"),
                "the final stage is Open Liberty: " + liberty);
        String libertyVersion = rootPomProperty("openliberty.version");
        assertTrue(tag(liberty).orElse("").startsWith(libertyVersion + "-"),
                "the image's Liberty is the project's own, " + libertyVersion + ": " + liberty);

        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RUN mvn ") && l.contains("-DskipTests")
                && l.contains("package") && l.contains("-pl sample-war -am")), "no Maven build of the sample");
        int features = lines.indexOf("RUN features.sh");
        int configure = lines.indexOf("RUN configure.sh");
        assertTrue(features >= 0 && configure > features, "RUN features.sh, then RUN configure.sh");
        assertTrue(lines.contains("EXPOSE " + SAMPLE_HTTP), "EXPOSE 9080");

        // every COPY from the build context names a file or directory of the repository
        Set<String> configFiles = new TreeSet<>();
        for (String line : lines) {
            if (!line.startsWith("COPY ") || line.contains("--from=")) {
                continue;
            }
            List<String> args = Arrays.stream(line.substring(5).trim().split("\\s+"))
                    .filter(a -> !a.startsWith("--")).toList();
            String destination = args.get(args.size() - 1);
            for (String source : args.subList(0, args.size() - 1)) {
                assertTrue(Files.exists(ROOT.resolve(source)), "Dockerfile copies " + source + ", not in the repository");
                if (destination.startsWith("/config")) {
                    configFiles.add(Path.of(source).getFileName().toString());
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of("telemetry-server.xml", "server.xml")), configFiles,
                "the shared telemetry-server.xml and docker/server.xml go to /config");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY ") && l.contains("--from=")
                && l.contains("sample-war/target/sample-war.war") && l.endsWith("/config/apps/")),
                "the built WAR goes to /config/apps/");
    }

    /**
     * The image's build stage, replayed without Docker: exactly the paths its {@code COPY} lines name (the build
     * context's {@code **}{@code /target} left out, as {@code Dockerfile.dockerignore} does) copied into an empty
     * directory, and its {@code RUN mvn} line run there with this build's Maven, offline, on its local repository.
     * It fails where {@code docker build} would (a module the parent lists whose pom is not copied, a source the
     * build needs and the image lacks), and the WAR the final stage copies must come out of it.
     */
    @Test
    void dockerfileBuildStageBuildsInADirectoryHoldingOnlyWhatItCopies() throws Exception {
        Path maven = Path.of(required("docker.replay.maven"), "bin", "mvn");
        Path replay = Path.of(required("docker.replay.directory"));
        deleteRecursively(replay);
        List<String> lines = dockerfileInstructions();
        String workdir = null;
        String run = null;
        String built = null;
        int stages = 0;
        for (String line : lines) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("FROM ")) {
                stages++;
            } else if (stages == 1 && upper.startsWith("WORKDIR ")) {
                workdir = line.substring(8).trim();
            } else if (stages == 1 && upper.startsWith("COPY ")) {
                List<String> args = Arrays.stream(line.substring(5).trim().split("\\s+"))
                        .filter(a -> !a.startsWith("--")).toList();
                Path destination = replay.resolve(relativeTo(workdir, args.get(args.size() - 1)));
                for (String source : args.subList(0, args.size() - 1)) {
                    copyContext(ROOT.resolve(source), args.get(args.size() - 1).endsWith("/")
                            ? destination.resolve(Path.of(source).getFileName()) : destination);
                }
            } else if (stages == 1 && upper.startsWith("RUN ")) {
                run = line.substring(4).trim();
            } else if (stages > 1 && upper.startsWith("COPY ") && line.contains("--from=build")) {
                built = line.split("\\s+")[line.split("\\s+").length - 2];
            }
        }
        assertNotNull(run, "no RUN line in the build stage");
        assertTrue(run.startsWith("mvn "), "the build stage runs Maven: " + run);
        assertNotNull(built, "the final stage copies nothing from the build stage");
        List<String> command = new ArrayList<>();
        command.add(maven.toString());
        command.addAll(Arrays.asList(run.substring(4).trim().split("\\s+")));
        command.add("-o");
        command.add("-Dmaven.repo.local=" + required("docker.replay.repository"));
        Process process = new ProcessBuilder(command).directory(replay.toFile()).redirectErrorStream(true)
                .redirectOutput(replay.resolveSibling("docker-replay.log").toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
        String output = Files.readString(replay.resolveSibling("docker-replay.log"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "the image's build stage fails: " + String.join(" ", command)
                + "\n" + output);
        Path war = replay.resolve(relativeTo(workdir, built));
        assertTrue(Files.isRegularFile(war), "the build stage does not produce " + built + " (" + war + ")");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertNotNull(value, "system property " + property + " is set by liberty/pom.xml's surefire configuration");
        return value;
    }

    /** {@code path} of the image (absolute, or relative to {@code workdir}) as a path relative to the workdir. */
    private static String relativeTo(String workdir, String path) {
        String base = workdir == null ? "/" : workdir.endsWith("/") ? workdir : workdir + "/";
        String absolute = path.startsWith("/") ? path : base + path;
        assertTrue(absolute.startsWith(base) || absolute.equals(base.substring(0, base.length() - 1)),
                path + " is outside the build stage's WORKDIR " + workdir);
        return absolute.length() <= base.length() ? "." : absolute.substring(base.length());
    }

    /** Copies a file or a directory of the build context, leaving out {@code target} directories. */
    private static void copyContext(Path source, Path destination) throws IOException {
        assertTrue(Files.exists(source), "the Dockerfile copies " + source + ", not in the repository");
        if (Files.isRegularFile(source)) {
            Files.createDirectories(destination.getParent());
            Files.copy(source, destination);
            return;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = source.relativize(file);
                boolean ignored = false;
                for (Path part : relative) {
                    ignored |= part.toString().equals("target");
                }
                if (!ignored) {
                    Path copy = destination.resolve(relative.toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void containerServerXmlDeploysTheSampleLikeTheSampleServer() throws Exception {
        Document docker = xml(SERVER_XML);
        Document sample = xml(ROOT.resolve("liberty/src/main/liberty/sample/server.xml"));

        Element include = single(docker, "include");
        assertTrue(include.getAttribute("location").endsWith("/telemetry-server.xml"),
                "includes the shared telemetry-server.xml: " + include.getAttribute("location"));
        assertEquals(String.valueOf(SAMPLE_HTTP), single(docker, "httpEndpoint").getAttribute("httpPort"));
        assertEquals("*", single(docker, "httpEndpoint").getAttribute("host"), "reachable from outside the container");

        Element app = single(docker, "webApplication");
        Element sampleApp = single(sample, "webApplication");
        for (String attribute : List.of("location", "contextRoot")) {
            assertEquals(sampleApp.getAttribute(attribute), app.getAttribute(attribute), "webApplication " + attribute);
        }
        assertEquals("/", app.getAttribute("contextRoot"));
        Element classloader = single(docker, "classloader");
        assertTrue(classloader.getAttribute("apiTypeVisibility").contains("+third-party"),
                "the OpenTelemetry API must be visible to the application");
    }

    // ---------------------------------------------------------------- docs

    @Test
    void docsNameEveryPublishedPortTheEndpointAndTheFiles() throws IOException {
        assertTrue(Files.isRegularFile(DOC), DOC + " missing");
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Set<Integer> published = new TreeSet<>();
        services(compose()).forEach((name, service) -> published.addAll(publishedPorts(service, name).values()));
        assertTrue(published.containsAll(Set.of(OTLP_GRPC, OTLP_HTTP, JAEGER_UI, SAMPLE_HTTP)), "published: " + published);
        for (int port : published) {
            assertTrue(Pattern.compile("\\b" + port + "\\b").matcher(doc).find(), DOC + " does not mention port " + port);
        }
        List<String> required = new ArrayList<>(List.of(
                "http://localhost:" + OTLP_HTTP,
                "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
                "http://" + COLLECTOR + ":" + OTLP_HTTP,
                "http://localhost:" + JAEGER_UI,
                "docker/docker-compose.observability.yaml",
                "docker/otel-collector.yaml",
                "docker/Dockerfile",
                ".env.dev", ".env.test", ".env.prod",
                "compose-spec.json",
                "docker-replay",
                "DockerFilesTest"));
        services(compose()).forEach((name, service) -> {
            if (!service.containsKey("build")) {
                required.add(string(service.get("image"), "image"));
            }
        });
        required.addAll(dockerfileBaseImages());
        for (String text : required) {
            assertTrue(doc.contains(text), DOC + " does not mention " + text);
        }
    }

    // ---------------------------------------------------------------- the Compose Specification's schema

    /**
     * The compose file is valid by the Compose Specification's JSON schema (draft 7, kept in the test resources),
     * on every machine: no {@code docker-compose} binary is needed.
     */
    @Test
    void composeFileIsValidByTheComposeSpecificationsSchema() throws IOException {
        JsonSchema schema;
        try (InputStream in = DockerFilesTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            assertNotNull(in, "compose-spec/compose-spec.json missing from the test resources");
            // the schema's $id is relative ("compose_spec.json"): it is resolved against where the file is kept
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(
                    URI.create("classpath:compose-spec/compose-spec.json"), new ObjectMapper().readTree(in));
        }
        JsonNode compose = new ObjectMapper().valueToTree(compose());
        Set<ValidationMessage> problems = schema.validate(compose);
        assertEquals(Set.of(), problems, COMPOSE + " is not valid Compose");
        // and the schema does reject what Compose rejects
        Map<String, Object> broken = new LinkedHashMap<>(compose());
        broken.put("servics", Map.of());
        assertFalse(schema.validate(new ObjectMapper().valueToTree(broken)).isEmpty(),
                "the schema accepts an unknown top-level key");
    }

    // ---------------------------------------------------------------- settings

    /** A variable is a setting's (with a value of its type) or one of {@link #ALLOWED_EXTRA}. */
    private static void checkVariable(String key, String value, String where, List<String> problems) {
        Map<String, Setting> byEnv = Arrays.stream(Setting.values())
                .collect(Collectors.toMap(Setting::envVar, Function.identity()));
        Setting setting = byEnv.get(key);
        if (setting == null) {
            Set<String> allowed = ALLOWED_EXTRA.get(key);
            if (allowed == null) {
                problems.add(where + ": " + key + " is neither a setting's environment variable "
                        + "(docs/telemetry/reference.md) nor one of " + new TreeSet<>(ALLOWED_EXTRA.keySet()));
            } else if (!allowed.contains(value)) {
                problems.add(where + ": " + key + "=" + value + ", allowed: " + new TreeSet<>(allowed));
            }
            return;
        }
        String problem = typeProblem(setting, value);
        if (problem != null) {
            problems.add(where + ": " + key + "=" + value + " is not a " + setting.type() + ": " + problem);
        }
    }

    /** Why {@code value} is not of the setting's type, or null. Booleans must be written true or false here. */
    private static String typeProblem(Setting setting, String value) {
        if (value.isEmpty()) {
            return "empty (MicroProfile Config reads it as unset: leave the line out)";
        }
        switch (setting.type()) {
            case "boolean":
                return value.equals("true") || value.equals("false") ? null : "write true or false";
            case "level":
                return LogLevel.parse(value).isPresent() ? null : "not a level";
            case "json|pretty":
                return LogFormat.parse(value).isPresent() ? null : "neither json nor pretty";
            case "auto|always|never":
                return Set.of("auto", "always", "never").contains(value) ? null : "not auto, always or never";
            case "ratio 0..1":
                try {
                    BigDecimal ratio = new BigDecimal(value);
                    return ratio.signum() >= 0 && ratio.compareTo(BigDecimal.ONE) <= 0 ? null : "outside 0..1";
                } catch (NumberFormatException e) {
                    return "not a number";
                }
            case "int 16..1048576":
                try {
                    int number = Integer.parseInt(value);
                    return number >= 16 && number <= 1048576 ? null : "outside 16..1048576";
                } catch (NumberFormatException e) {
                    return "not an integer";
                }
            case "url":
                try {
                    URI uri = new URI(value);
                    return Set.of("http", "https").contains(uri.getScheme()) && uri.getHost() != null
                            && uri.getPort() > 0 ? null : "not http(s)://host:port";
                } catch (URISyntaxException e) {
                    return e.getMessage();
                }
            case "key=value list":
                return Arrays.stream(value.split(",")).allMatch(p -> p.indexOf('=') > 0) ? null : "not key=value,...";
            case "mapping":
                try {
                    if (!value.equalsIgnoreCase("none")) {
                        LabelRules.parseMapping(value);
                    }
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            case "path":
                if (setting == Setting.LABELS_PREFIX) {
                    try {
                        LabelRules.of(value, Map.of(), Map.of());
                        return null;
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                }
                return null;
            case "list":
            case "string":
                return null;
            default:
                return "DockerFilesTest does not know the type '" + setting.type() + "': teach typeProblem it";
        }
    }

    private static Optional<Boolean> bool(String value) {
        return "true".equals(value) ? Optional.of(true) : "false".equals(value) ? Optional.of(false) : Optional.empty();
    }

    // ---------------------------------------------------------------- parsing helpers

    /** KEY=VALUE lines; blank lines and # comments. Strict, so that docker, compose and shells read it alike. */
    private static Map<String, String> envFile(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " missing");
        Map<String, String> env = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file.getFileName() + ":" + (i + 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            assertTrue(eq > 0, where + ": not KEY=VALUE: " + line);
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            assertTrue(ENV_KEY.matcher(key).matches(), where + ": not an environment variable name: " + key);
            assertEquals(value.strip(), value, where + ": blanks around the value are kept by some readers");
            assertFalse(value.startsWith("\"") || value.startsWith("'"),
                    where + ": quotes are part of the value for docker run --env-file");
            assertFalse(value.contains(" #"), where + ": no comment after a value (docker keeps it in the value)");
            assertFalse(env.containsKey(key), where + ": " + key + " set twice");
            env.put(key, value);
        }
        return env;
    }

    private static Map<String, Object> compose() {
        return yaml(COMPOSE);
    }

    /** Container port to host port, from short ("8080:80", "127.0.0.1:8080:80/tcp") or long syntax. */
    private static Map<Integer, Integer> publishedPorts(Map<String, Object> service, String name) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        if (!service.containsKey("ports")) {
            return ports;
        }
        for (Object entry : listOrOne(service.get("ports"), "ports of " + name)) {
            if (entry instanceof Map<?, ?> longSyntax) {
                Object published = longSyntax.get("published");
                if (published != null) {
                    ports.put(Integer.valueOf(String.valueOf(longSyntax.get("target"))),
                            Integer.valueOf(String.valueOf(published)));
                }
                continue;
            }
            assertTrue(entry instanceof String, name + ": write ports as quoted strings (YAML reads 22:22 as a number)");
            String[] parts = ((String) entry).replaceFirst("/(tcp|udp)$", "").split(":");
            if (parts.length >= 2) {
                ports.put(Integer.valueOf(parts[parts.length - 1]), Integer.valueOf(parts[parts.length - 2]));
            }
        }
        return ports;
    }

    /** The service's environment, from the map or the list form; every value must be a string in the YAML. */
    private static Map<String, String> environment(Map<String, Object> service, String name) {
        Map<String, String> env = new LinkedHashMap<>();
        Object environment = service.get("environment");
        if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String text = string(entry, "environment entry of " + name);
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            }
        } else if (environment != null) {
            map(environment, "environment of " + name).forEach((key, value) -> {
                assertTrue(value instanceof String,
                        name + ": quote " + key + "'s value (compose rejects YAML booleans, and numbers get reformatted)");
                env.put(key, (String) value);
            });
        }
        return env;
    }

    private static void assertListens(Map<String, Object> protocols, String protocol, int port) {
        Map<String, Object> settings = map(protocols.get(protocol), "receivers.otlp.protocols." + protocol);
        String endpoint = string(settings.get("endpoint"), "receivers.otlp.protocols." + protocol + ".endpoint");
        assertEquals("0.0.0.0:" + port, endpoint,
                "otlp " + protocol + " listens on all interfaces of the container, port " + port);
    }

    private static void assertImage(Map<String, Object> service, String repository) {
        String image = string(service.get("image"), "image");
        assertEquals(repository, image.substring(0, image.lastIndexOf(':')), "image of the service");
    }

    private static void assertVersionPinned(String image, String where) {
        if (image.contains("@sha256:")) {
            return;
        }
        String tag = tag(image).orElse(null);
        assertNotNull(tag, where + ": image " + image + " has no tag");
        assertFalse(tag.equals("latest"), where + ": image " + image + " is 'latest'");
        assertTrue(VERSION_TAG.matcher(tag).matches(), where + ": image " + image + " is not pinned to a version");
    }

    /** The tag of an image reference: after the last ':' that follows the last '/' (a registry port is not one). */
    private static Optional<String> tag(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? Optional.of(image.substring(colon + 1)) : Optional.empty();
    }

    /** Instruction lines of the Dockerfile: comments dropped, continuation lines joined, blanks squeezed. */
    private static List<String> dockerfileInstructions() throws IOException {
        assertTrue(Files.isRegularFile(DOCKERFILE), DOCKERFILE + " missing");
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continued = trimmed.endsWith("\\");
            current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continued) {
                instructions.add(current.toString().strip().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return instructions;
    }

    /** The images the FROM lines pull (a FROM naming an earlier stage pulls nothing). */
    private static List<String> dockerfileBaseImages() throws IOException {
        List<String> images = new ArrayList<>();
        Set<String> stages = new TreeSet<>();
        for (String line : dockerfileInstructions()) {
            if (!line.toUpperCase(Locale.ROOT).startsWith("FROM ")) {
                continue;
            }
            List<String> args = Arrays.stream(line.substring(5).trim().split(" "))
                    .filter(a -> !a.startsWith("--")).toList();
            if (!stages.contains(args.get(0))) {
                images.add(args.get(0));
            }
            if (args.size() >= 3 && args.get(1).equalsIgnoreCase("AS")) {
                stages.add(args.get(2));
            }
        }
        return images;
    }

    private static String rootPomProperty(String name) throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(matcher.find(), "no " + name + " in the root pom");
        return matcher.group(1).trim();
    }

    private static Document xml(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), file + " missing");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static Element single(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        assertEquals(1, nodes.getLength(), "one <" + tag + ">");
        return (Element) nodes.item(0);
    }

}
