package dev.telemetrycdi.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * The WildFly server configurations of the harness, in {@code standalone/configuration} of the installation:
 * {@value #TELEMETRY} as {@code wildfly/} provisions it (the sample's configuration), and {@value #SERVER_JSON}, that
 * one plus the logging subsystem's JSON formatter on the console and Undertow's console access log, made by the
 * management CLI from {@code wildfly-server-json.cli} (offline, a few seconds; again only when that script or
 * {@value #TELEMETRY} changed).
 */
final class WildFlyConfigs {
    static final String TELEMETRY = "standalone-telemetry.xml";
    static final String SERVER_JSON = "standalone-load-json.xml";
    private static final String SCRIPT = "wildfly-server-json.cli";

    private WildFlyConfigs() {
    }

    /** Makes {@value #SERVER_JSON} unless it is there and newer than its sources. */
    static void prepareServerJson(Path home) throws IOException, InterruptedException {
        Path config = home.resolve("standalone/configuration");
        Path target = config.resolve(SERVER_JSON);
        Path source = config.resolve(TELEMETRY);
        Path scriptCopy = config.resolve("load-" + SCRIPT);
        String script;
        try (InputStream in = Objects.requireNonNull(WildFlyConfigs.class.getResourceAsStream(SCRIPT), SCRIPT)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!Files.exists(source)) {
            throw new IllegalStateException(source + " is missing: build wildfly/ first (benchmarks/load.sh does)");
        }
        if (Files.exists(target) && Files.exists(scriptCopy) && Files.readString(scriptCopy).equals(script)
                && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(source)) > 0) {
            return;
        }
        Files.deleteIfExists(target);
        Files.writeString(scriptCopy, script, StandardCharsets.UTF_8);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(),
                "-Dconfig=" + SERVER_JSON, "--file=" + scriptCopy).redirectErrorStream(true);
        builder.environment().put("JBOSS_HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            Files.deleteIfExists(target);
            throw new IOException("jboss-cli could not make " + SERVER_JSON + ":\n" + output);
        }
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    }
}
