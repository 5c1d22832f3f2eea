package dev.telemetrycdi.it;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An application that is not the sample, as its team would deploy it with telemetry-cdi: its own classes and web
 * resources, the module's jars in {@code WEB-INF/lib} (taken from the built sample WAR, without the sample's own
 * dependencies), and a {@code microprofile-config.properties} with nothing but {@code mp.config.profile},
 * {@code telemetry.log.categories} and, for the test to read, {@code telemetry.log.file} (plus {@code otel.*} when
 * a test traces).
 */
final class ForeignApp {
    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";
    /** The sample's own dependencies: not part of what a team adds with the module. */
    private static final String SAMPLE_ONLY = "jboss-logging-";

    private final String name;
    private final Package code;
    private final String resources;
    private final Map<String, String> config = new LinkedHashMap<>();
    private final LogFile log;
    /** The application's own log configurations (class-path resources with {@code @FILE@}) and their files. */
    private final Map<String, LogFile> ownLogs = new LinkedHashMap<>();
    private boolean ownLibraries;
    private String webXml = "web.xml";

    private ForeignApp(String name, Package code, String resources) {
        this.name = name;
        this.code = code;
        this.resources = resources;
        this.log = LogFile.named(name);
        config.put("mp.config.profile", "test");
        config.put("telemetry.log.categories", code.getName());
        config.put("telemetry.log.file", log.path().toString());
    }

    /** The guide-style web application (servlets, static files, Faces, FORM login), deployed as {@code name}. */
    static ForeignApp web(String name) {
        return new ForeignApp(name, dev.telemetrycdi.it.foreign.web.GreetingServlet.class.getPackage(),
                "foreign/web/");
    }

    /** The quickstart-style REST application (BASIC, a security constraint, @RolesAllowed), as {@code name}. */
    static ForeignApp rest(String name) {
        return new ForeignApp(name, dev.telemetrycdi.it.foreign.rest.InventoryApplication.class.getPackage(),
                "foreign/rest/");
    }

    /** The application whose servlet filter binds a context field of its own with the module's API. */
    static ForeignApp scopes(String name) {
        return new ForeignApp(name, dev.telemetrycdi.it.foreign.scopes.TenantFilter.class.getPackage(),
                "foreign/scopes/");
    }

    /** The guide-style application with background work (default executors, thread factory, @Asynchronous). */
    static ForeignApp tasks(String name) {
        return new ForeignApp(name, dev.telemetrycdi.it.foreign.tasks.ReportResource.class.getPackage(),
                "foreign/tasks/");
    }

    /**
     * The application with logging of its own: Logback through SLF4J and Log4j 2 bundled in {@code WEB-INF/lib}
     * (the jars the build copies to {@code it.app.libs}), each writing JSON lines to a file of its own
     * ({@link #ownLog}).
     */
    static ForeignApp logs(String name) {
        ForeignApp app = new ForeignApp(name, dev.telemetrycdi.it.foreign.logs.ShipmentServlet.class.getPackage(),
                "foreign/logs/");
        app.ownLogs.put("logback.xml", LogFile.named(name + "-logback"));
        app.ownLogs.put("log4j2.xml", LogFile.named(name + "-log4j2"));
        app.ownLibraries = true;
        return app;
    }

    /** With {@code resource} (beside the application's other resources) as its {@code web.xml}. */
    ForeignApp webXml(String resource) {
        this.webXml = resource;
        return this;
    }

    /** The file the application's own configuration {@code resource} (e.g. {@code logback.xml}) writes to. */
    LogFile ownLog(String resource) {
        return Objects.requireNonNull(ownLogs.get(resource), resource);
    }

    /** The quickstart-style application with JMS (servlet, EJB, message-driven bean) and a Jakarta Batch job. */
    static ForeignApp work(String name) {
        return new ForeignApp(name, dev.telemetrycdi.it.foreign.work.OrderServlet.class.getPackage(),
                "foreign/work/");
    }

    /** The REST application that writes events with the module's EventLogger and java.util.logging records. */
    static ForeignApp parcels(String name) {
        return new ForeignApp(name, dev.telemetrycdi.it.foreign.parcels.ParcelResource.class.getPackage(),
                "foreign/parcels/");
    }

    /** The guide-style chat application (annotated and programmatic WebSocket endpoints), as {@code name}. */
    static ForeignApp chat(String name) {
        return new ForeignApp(name, dev.telemetrycdi.it.foreign.chat.RoomEndpoint.class.getPackage(),
                "foreign/chat/");
    }

    /** With tracing opted in, exporting over OTLP/HTTP to {@code endpoint} (see {@link SampleApp#tracedTo}). */
    ForeignApp tracedTo(String endpoint) {
        config.put("otel.enabled", "true");
        config.put("otel.service.name", name);
        config.put("otel.exporter.otlp.protocol", "http/protobuf");
        config.put("otel.exporter.otlp.endpoint", endpoint);
        config.put("otel.traces.sampler.arg", "1");
        config.put("otel.metrics.exporter", "none");
        config.put("otel.logs.exporter", "none");
        config.put("otel.bsp.schedule.delay", "100ms");
        return this;
    }

    /** Sets {@code key} in the application's {@code microprofile-config.properties}. */
    ForeignApp with(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** Removes {@code key} from the application's {@code microprofile-config.properties}. */
    ForeignApp without(String key) {
        config.remove(key);
        return this;
    }

    LogFile log() {
        return log;
    }

    WebArchive war() {
        log.reset();
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war").addPackage(code);
        ClassLoader loader = ForeignApp.class.getClassLoader();
        for (String file : new String[] {"index.html", "css/site.css", "login.html", "login-error.html",
                "forbidden.html", "not-found.html", "hello.xhtml"}) {
            if (loader.getResource(resources + file) != null) {
                war.addAsWebResource(resources + file, file);
            }
        }
        war.setWebXML(resources + webXml);
        if (loader.getResource(resources + "jboss-deployment-structure.xml") != null) {
            war.addAsWebInfResource(resources + "jboss-deployment-structure.xml", "jboss-deployment-structure.xml");
        }
        ownLogs.forEach((resource, file) -> {
            file.reset();
            war.add(new StringAsset(text(resources + resource).replace("@FILE@", file.path().toString())),
                    "WEB-INF/classes/" + resource);
        });
        if (ownLibraries) {
            addOwnLibraries(war);
        }
        if (loader.getResource(resources + "ibm-ejb-jar-bnd.xml") != null) {
            war.addAsWebInfResource(resources + "ibm-ejb-jar-bnd.xml", "ibm-ejb-jar-bnd.xml");
        }
        if (loader.getResource(resources + "batch-jobs/reportJob.xml") != null) {
            war.addAsResource(resources + "batch-jobs/reportJob.xml", "META-INF/batch-jobs/reportJob.xml");
        }
        StringBuilder properties = new StringBuilder();
        config.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        war.add(new StringAsset(properties.toString()), CONFIG);
        addModule(war);
        return war;
    }

    private static String text(String resource) {
        try (InputStream in = ForeignApp.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(Objects.requireNonNull(in, resource).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application's own logging jars, copied by the build to {@code it.app.libs}. */
    private static void addOwnLibraries(WebArchive war) {
        Path libs = Path.of(System.getProperty("it.app.libs", "target/it-apps/libs"));
        try (Stream<Path> jars = Files.list(libs)) {
            List<Path> found = jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
            if (found.size() < 6) {
                throw new IllegalStateException("expected the six logging jars in " + libs + ", found " + found);
            }
            found.forEach(jar -> war.addAsLibrary(jar.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module and its run-time dependencies, as the built sample WAR carries them. */
    private static void addModule(WebArchive war) {
        WebArchive sample = ShrinkWrap.createFromZipFile(WebArchive.class,
                Path.of(System.getProperty("it.sample.war", "target/it-apps/sample-war.war")).toFile());
        Node lib = sample.get("WEB-INF/lib");
        int added = 0;
        for (Node jar : lib.getChildren()) {
            ArchivePath path = jar.getPath();
            String file = path.get().substring(path.get().lastIndexOf('/') + 1);
            if (!file.startsWith(SAMPLE_ONLY)) {
                war.add(jar.getAsset(), path);
                added++;
            }
        }
        if (added == 0 || sample.getContent(p -> p.get().matches("/WEB-INF/lib/telemetry-cdi-.*\\.jar")).isEmpty()) {
            throw new IllegalStateException("the sample WAR has no telemetry-cdi jar in WEB-INF/lib");
        }
    }
}
