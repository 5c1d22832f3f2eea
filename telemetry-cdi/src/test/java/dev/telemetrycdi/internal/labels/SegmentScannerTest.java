package dev.telemetrycdi.internal.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SegmentScannerTest {

    private static List<String> segments(String text, String prefix, boolean template) {
        SegmentScanner scanner = SegmentScanner.open(text, 0, prefix, template);
        List<String> result = new ArrayList<>();
        while (scanner.next()) {
            result.add(text.substring(scanner.start(), scanner.end()));
        }
        return result;
    }

    @Test
    void pathSegments() {
        assertEquals(List.of("a", "b", "c"), segments("/api//a/b;x=1/c/?d#e", "/api", false));
        assertEquals(List.of("a"), segments("/api/a#b/c", "/api", false));
        assertEquals(List.of("a", "b"), segments("a/b", "", false));
        assertEquals(List.of(), segments("/api", "/api", false));
    }

    @Test
    void templateSegmentsKeepBracesWhole() {
        assertEquals(List.of("t", "{id: [0-9]{1,3}}", "{p: a/b}", "x"),
                segments("/api/t/{id: [0-9]{1,3}}/{p: a/b}/x", "/api", true));
        assertEquals(List.of("}a", "b"), segments("/}a/b", "", true));
        assertEquals(List.of("{a/b"), segments("/{a/b", "", true));
    }

    @Test
    void prefixMustBeWholeSegments() {
        assertNull(SegmentScanner.open("/apix", 0, "/api", false));
        assertNull(SegmentScanner.open("/api;x", 0, "/api", true));
        assertNull(SegmentScanner.open(null, 0, "", false));
        assertEquals(List.of("x"), segments("/api;v=1/x", "/api", false));
    }

    @Test
    void parameterNames() {
        assertEquals("id", parameterName("{id}"));
        assertEquals("id", parameterName("{ id : [0-9]+ }"));
        assertEquals("a-b", parameterName("{a-b:x:y}"));
        assertNull(parameterName("{}"));
        assertNull(parameterName("{ :x}"));
        assertNull(parameterName("x{id}"));
        assertNull(parameterName("{id}x"));
    }

    private static String parameterName(String segment) {
        SegmentScanner scanner = SegmentScanner.open("/" + segment, 0, "", true);
        scanner.next();
        return scanner.parameterName();
    }
}
