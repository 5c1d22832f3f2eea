package dev.telemetrycdi.it.minimal;

import dev.telemetrycdi.it.LogFile;
import dev.telemetrycdi.it.ServerLog;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.telemetrycdi.it.LogFile.event;
import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A foreign application, written like a vendor's quickstart (one Jakarta REST resource, one servlet, none of the
 * module's API, configured only with {@code mp.config.profile} and {@code telemetry.log.categories}), with the
 * module's jar and its run-time dependencies in {@code WEB-INF/lib}, on a server that offers only CDI, Servlet,
 * Jakarta REST and MicroProfile Config: Open Liberty's minimal server, WildFly's standalone-minimal.xml. It deploys,
 * every request gives one {@code request_completed} line with its status, and the start-up line names what is off.
 *
 * <p>Run by the failsafe execution {@code minimal-server} of liberty/ and wildfly/ only. The server writes the
 * module's lines to the file in {@code it.minimal.log} (environment variable {@code TELEMETRY_LOG_FILE} of that
 * execution: server configuration, not the application's).
 */
@ExtendWith(ArquillianExtension.class)
class MinimalServerIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final LogFile LINES = new LogFile(Path.of(System.getProperty("it.minimal.log",
            "target/it-logs/minimal-server.log")));

    /**
     * What is off on each minimal server. WildFly 39 gives every web deployment the WebSocket and Concurrency APIs,
     * even without Undertow's WebSocket support and the EE concurrency services: the module's parts for them stay on
     * (and idle) there.
     */
    private static final List<String> OFF = "wildfly".equalsIgnoreCase(System.getProperty("it.server"))
            ? List.of("jms", "batch", "tracing")
            : List.of("websocket", "tasks", "jms", "batch", "tracing");

    @ArquillianResource
    URL base;

    /** The application's classes, added as class files: the test's class path need not have their APIs. */
    private static final List<String> APPLICATION = List.of("GreetingApplication", "GreetingResource",
            "StatusServlet");
    private static final String PACKAGE = MinimalServerIT.class.getPackageName();

    @Deployment(testable = false)
    static WebArchive greetings() {
        LINES.reset();
        WebArchive war = ShrinkWrap.create(WebArchive.class, "minimal.war")
                .addAsResource(new StringAsset("mp.config.profile=test\ntelemetry.log.categories=" + PACKAGE + "\n"),
                        "META-INF/microprofile-config.properties");
        for (String name : APPLICATION) {
            String file = PACKAGE.replace('.', '/') + "/" + name + ".class";
            war.add(new ClassLoaderAsset(file), "WEB-INF/classes/" + file);
        }
        return withModule(war);
    }

    /**
     * Adds what a Maven build puts into an application's {@code WEB-INF/lib} for the dependency: the module's jar and
     * its run-time dependencies, taken from the sample WAR as built (the sample has no library of its own).
     */
    private static WebArchive withModule(WebArchive war) {
        WebArchive sample = ShrinkWrap.createFromZipFile(WebArchive.class,
                Path.of(System.getProperty("it.sample.war", "target/it-apps/sample-war.war")).toFile());
        sample.getContent(Filters.include("/WEB-INF/lib/.*\\.jar")).forEach((path, node) -> war.add(node.getAsset(),
                path));
        if (war.getContent(Filters.include("/WEB-INF/lib/telemetry-cdi-.*\\.jar")).isEmpty()) {
            fail("the sample WAR has no telemetry-cdi jar in WEB-INF/lib");
        }
        return war;
    }

    @Test
    void theStartupLineNamesWhatIsOffAndTheServerLogSaysHowToSwitchItOn() throws IOException {
        LINES.await(line -> event(line, "telemetry_initialized"));
        JsonObject initialized = single(LINES.lines().stream().filter(line -> event(line, "telemetry_initialized"))
                .toList());

        assertEquals("test", text(initialized, "mp.config.profile"));
        assertEquals(OFF, strings(initialized.getJsonArray("capabilities.off")), initialized.toString());
        String message = serverLog("TCDI0007I");
        assertTrue(message.contains("TCDI0007I: telemetry-cdi runs without " + String.join(", ", OFF) + ":"), message);
        assertTrue(message.contains(OFF.contains("websocket") ? "websocket-2.1" : "batch-jberet"), message);
        for (String line : Files.readAllLines(serverLogPath(), StandardCharsets.UTF_8)) {
            assertFalse(line.contains("telemetrycdi") && (line.contains("NoClassDefFoundError")
                    || line.contains("TypeNotPresentException") || line.contains("ClassNotFoundException")), line);
        }
    }

    @Test
    void aResourceMethodGivesOneLineWithItsRouteAndStatus() {
        HttpResponse<String> response = get("/api/greetings/ada", "minimal-greet");

        assertEquals(200, response.statusCode());
        assertEquals("Hello, ada!", response.body());
        assertEquals("minimal-greet", response.headers().firstValue("X-Request-ID").orElse(null));
        JsonObject completed = completed("minimal-greet");
        assertEquals(200, status(completed));
        assertEquals("GET", text(completed, "http.request.method"));
        assertEquals("/api/greetings/{name}", text(completed, "http.route"));
        JsonObject own = single(LINES.request("minimal-greet").stream()
                .filter(line -> (PACKAGE + ".GreetingResource").equals(text(line, "logger"))).toList());
        assertEquals("greeting sent", text(own, "event"));
    }

    @Test
    void aNotFoundFromTheResourceGivesOneLineWithThatStatus() {
        HttpResponse<String> response = get("/api/greetings/nobody", "minimal-unknown");

        assertEquals(404, response.statusCode());
        assertEquals(404, status(completed("minimal-unknown")));
    }

    @Test
    void aServletGivesOneLineWithItsStatus() {
        HttpResponse<String> response = get("/status", "minimal-servlet");

        assertEquals(200, response.statusCode());
        assertEquals("up", response.body());
        JsonObject completed = completed("minimal-servlet");
        assertEquals(200, status(completed));
        assertEquals("GET", text(completed, "http.request.method"));
    }

    private HttpResponse<String> get(String path, String requestId) {
        String root = base.toExternalForm().replaceAll("/$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30))
                .header("X-Request-ID", requestId).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The one {@code request_completed} line of the request (fails if there are two). */
    private static JsonObject completed(String requestId) {
        return LINES.completed(requestId);
    }

    private static JsonObject single(List<JsonObject> lines) {
        if (lines.size() != 1) {
            fail("expected one line, got " + lines);
        }
        return lines.get(0);
    }

    private static int status(JsonObject line) {
        if (!(line.get("http.response.status_code") instanceof JsonNumber number)) {
            return fail("no numeric http.response.status_code in " + line);
        }
        return number.intValueExact();
    }

    private static List<String> strings(JsonArray array) {
        if (array == null) {
            return fail("no capabilities.off array");
        }
        return array.stream().map(value -> ((JsonString) value).getString()).toList();
    }

    private static Path serverLogPath() {
        return Path.of(System.getProperty("it.server.log"));
    }

    /** Waits for the server's log line containing {@code part}. */
    private static String serverLog(String part) {
        return ServerLog.await(part);
    }
}
