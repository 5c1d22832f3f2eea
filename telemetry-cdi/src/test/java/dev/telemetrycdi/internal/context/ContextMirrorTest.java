package dev.telemetrycdi.internal.context;

import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextMirrorTest {

    @AfterEach
    void clean() {
        MDC.clear();
        ThreadContext.clearMap();
    }

    @Test
    void bothMapsShowTheBoundContextAndGetBackWhatTheyHadWhenTheScopeCloses() {
        MDC.put("tenant", "acme");
        ThreadContext.put("tenant", "acme");
        try (ContextStorage.Scope request = ContextStorage.attach(Fields.of("request.id", "r-1", "user.id", "alice",
                "labels", List.of("order", "item"), "order.id", "42"))) {
            assertEquals("r-1", MDC.get("request.id"));
            assertEquals("alice", MDC.get("user.id"));
            assertEquals("order,item", MDC.get("labels"));
            assertEquals("r-1", ThreadContext.get("request.id"));
            assertEquals("order,item", ThreadContext.get("labels"));
            try (ContextStorage.Scope task = ContextStorage.attach(Fields.of("request.id", "r-1", "task.id", "t-9"))) {
                assertEquals("t-9", MDC.get("task.id"));
                assertNull(MDC.get("user.id"), "a key the inner context does not have is gone while it is bound");
                assertEquals("t-9", ThreadContext.get("task.id"));
            }
            assertEquals("alice", MDC.get("user.id"));
            assertNull(MDC.get("task.id"));
            assertNull(ThreadContext.get("task.id"));
        }
        assertEquals(Map.of("tenant", "acme"), MDC.getCopyOfContextMap(), "the application's own key stays");
        assertEquals(Map.of("tenant", "acme"), ThreadContext.getImmutableContext());
    }

    @Test
    void anUpdateOfTheOpenScopeIsShownAndItsCloseRestores() {
        try (ContextStorage.Scope scope = ContextStorage.attach(Fields.of("request.id", "r-2"))) {
            scope.update(Fields.of("request.id", "r-2", "http.route", "/orders/{id}", "count", 3));
            assertEquals("/orders/{id}", MDC.get("http.route"));
            assertEquals("3", MDC.get("count"));
        }
        assertTrue(MDC.getCopyOfContextMap() == null || MDC.getCopyOfContextMap().isEmpty());
    }

    @Test
    void aNullValueIsRemovedNotWrittenAsText() {
        try (ContextStorage.Scope outer = ContextStorage.attach(Fields.of("user.id", "bob"))) {
            try (ContextStorage.Scope inner = ContextStorage.attach(Fields.of("user.id", null))) {
                assertNull(MDC.get("user.id"));
            }
            assertEquals("bob", MDC.get("user.id"));
        }
    }

    @Test
    void aMapThatFailsIsLeftAloneAndNeverThrowsIntoTheCaller() {
        List<String> puts = new ArrayList<>();
        ContextMirror failing = new ContextMirror("failing map") {
            @Override
            void put(String key, String value) {
                puts.add(key);
                throw new IllegalStateException("broken binding");
            }

            @Override
            void remove(String key) {
            }
        };
        failing.replace(Fields.EMPTY, Fields.of("request.id", "r-3"));
        failing.replace(Fields.EMPTY, Fields.of("request.id", "r-4"));
        assertEquals(List.of("request.id"), puts, "tried once, then left alone");
    }

    @Test
    void theApisTheApplicationSeesAreDetectedAndAnAbsentOneIsNot() {
        assertEquals("SLF4J MDC and Log4j 2 ThreadContext",
                ContextMirror.detect(ContextMirrorTest.class.getClassLoader()).toString());
        ClassLoader withoutEither = new ClassLoader(null) {
        };
        assertEquals(ContextMirror.NONE, ContextMirror.detect(withoutEither));
    }
}
