package dev.telemetrycdi.docker;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A YAML file read as a tree of maps, lists and strings, each step checked with a message naming where it is. */
final class YamlTree {
    private YamlTree() {
    }

    /** The file's document, which must be a mapping. */
    static Map<String, Object> yaml(Path file) {
        assertTrue(Files.isRegularFile(file), file + " missing");
        try (InputStream in = Files.newInputStream(file)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), file.toString());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** The services of a compose file, each a mapping; at least one. */
    static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(compose.get("services"), "services").forEach((name, service) -> services.put(name, map(service, name)));
        assertFalse(services.isEmpty(), "no services");
        return services;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            fail(what + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (!(value instanceof List<?>)) {
            fail(what + " is not a list: " + value);
        }
        return (List<Object>) value;
    }

    /** A list, or a single string where Compose allows one in its place ({@code command}, {@code env_file}). */
    static List<?> listOrOne(Object value, String what) {
        return value instanceof String text ? List.of(text) : list(value, what);
    }

    /** The keys of a mapping, or the items of a list, as text. */
    static List<String> names(Object value) {
        if (value instanceof Map<?, ?> keys) {
            return keys.keySet().stream().map(String::valueOf).toList();
        }
        return list(value, "list of names").stream().map(String::valueOf).toList();
    }

    static String string(Object value, String what) {
        if (!(value instanceof String)) {
            fail(what + " is not a string: " + value);
        }
        return (String) value;
    }
}
