package dev.telemetrycdi.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The internal packages form layers: drawn from the imports of the module's sources, no arrow runs back up (no
 * cycle between packages), and only {@code runtime}, which builds and starts everything, refers to the features.
 */
class PackageLayersTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/telemetrycdi/internal");
    /** A reference to another internal package, in an import or written out in code (not in a comment). */
    private static final Pattern REFERENCE = Pattern.compile("dev\\.telemetrycdi\\.internal\\.([a-z]+)\\.[A-Za-z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = imports();
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            List<String> path = cycleFrom(start, start, graph, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles, "package imports: " + graph);
    }

    @Test
    void nothingButTheRuntimeRefersToTheRuntime() throws IOException {
        Map<String, Set<String>> graph = imports();
        graph.forEach((from, to) -> assertTrue(from.equals("runtime") || !to.contains("runtime"),
                from + " imports runtime"));
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> graph, List<String> path,
                                          Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(next);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, graph, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String from = SOURCES.relativize(file.getParent()).toString();
                if (from.isEmpty()) {
                    continue;
                }
                Set<String> to = graph.computeIfAbsent(from, key -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    String code = line.trim();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                        continue;
                    }
                    Matcher referred = REFERENCE.matcher(code);
                    while (referred.find()) {
                        if (!referred.group(1).equals(from)) {
                            to.add(referred.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(graph.size() > 5, "the sources were read: " + graph.keySet());
        return graph;
    }
}
