package dev.telemetrycdi.internal.cdi;

import dev.telemetrycdi.internal.runtime.OptionalApiExtension;
import dev.telemetrycdi.internal.runtime.TelemetryRuntime;

import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.inject.Stereotype;
import jakarta.inject.Scope;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.ext.Provider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every class of the module that the server loads on its own (CDI beans and interceptors found by scanning, CDI
 * extensions and the other services, JAX-RS providers) names no type of an optional API, anywhere in its class file:
 * not in a signature, an annotation, a lambda or a method body. Those classes load on a server that offers only CDI,
 * Servlet, Jakarta REST and MicroProfile Config; the parts that need more are added by {@link OptionalApiExtension}.
 */
class ScannedClassesTest {
    /** The optional APIs, as they appear in class files. */
    private static final List<String> OPTIONAL = List.of("jakarta/websocket/", "jakarta/enterprise/concurrent/",
            "jakarta/jms/", "jakarta/batch/", "io/opentelemetry/", "org/slf4j/", "org/apache/logging/log4j/");

    @Test
    void classesTheServerLoadsByItselfNameNoOptionalApi() throws Exception {
        Path classes = Path.of(OptionalApiExtension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> loadedByServer = new TreeSet<>(services(classes));
        for (String name : classNames(classes)) {
            Class<?> type = Class.forName(name, false, ScannedClassesTest.class.getClassLoader());
            if (discovered(type)) {
                loadedByServer.add(name);
            }
        }
        List<String> offending = new ArrayList<>();
        for (String name : loadedByServer) {
            String bytes = Files.readString(classes.resolve(name.replace('.', '/') + ".class"),
                    StandardCharsets.ISO_8859_1);
            OPTIONAL.stream().filter(bytes::contains).forEach(api -> offending.add(name + " names " + api));
        }

        assertTrue(loadedByServer.contains(TelemetryRuntime.class.getName()), "the scan finds the beans");
        assertTrue(loadedByServer.contains(OptionalApiExtension.class.getName()), "the scan reads the services");
        assertEquals(List.of(), offending);
    }

    @Test
    void thePartsOfOptionalApisAreNotDiscoveredButAddedByTheExtension() throws Exception {
        for (String name : List.of("dev.telemetrycdi.internal.concurrent.ExecutorProducer",
                "dev.telemetrycdi.internal.concurrent.AsyncCaptureInterceptor",
                "dev.telemetrycdi.internal.concurrent.AsyncRunInterceptor",
                "dev.telemetrycdi.internal.websocket.WebSocketContextInterceptor",
                "dev.telemetrycdi.internal.batch.TelemetryJobListener",
                "dev.telemetrycdi.internal.batch.TelemetryStepListener")) {
            assertTrue(!discovered(Class.forName(name)), name + " must carry no bean-defining annotation");
        }
    }

    /** Found by CDI's annotated discovery or by Jakarta REST's scanning. */
    private static boolean discovered(Class<?> type) {
        for (Annotation annotation : type.getDeclaredAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (kind == Interceptor.class || kind == jakarta.decorator.Decorator.class || kind == Provider.class
                    || kind == jakarta.ws.rs.Path.class || kind.isAnnotationPresent(NormalScope.class)
                    || kind.isAnnotationPresent(Scope.class) || kind.isAnnotationPresent(Stereotype.class)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> classNames(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
        }
    }

    /**
     * The providers named in {@code META-INF/services}, except those of a service that is itself part of an
     * optional API (Jakarta Concurrency's {@code ThreadContextProvider}): only an implementation of that API reads
     * its file, so where the API is absent nothing loads them.
     */
    private static List<String> services(Path classes) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes.resolve("META-INF/services"))) {
            for (Path file : files.toList()) {
                String service = file.getFileName().toString().replace('.', '/');
                if (OPTIONAL.stream().anyMatch(service::startsWith)) {
                    continue;
                }
                Files.readAllLines(file).stream().map(String::trim).filter(line -> !line.isEmpty()
                        && !line.startsWith("#")).forEach(names::add);
            }
        }
        return names;
    }
}
