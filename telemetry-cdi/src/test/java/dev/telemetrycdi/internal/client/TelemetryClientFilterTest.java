package dev.telemetrycdi.internal.client;

import dev.telemetrycdi.ContextScope;
import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.TelemetryClientFilter;
import dev.telemetrycdi.TelemetryContext;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.logging.CapturedLines;
import dev.telemetrycdi.internal.logging.LogEvent;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryClientFilterTest {
    private static final String STEAM = "http://127.0.0.1:8089/IDOTA2Match_570/GetMatchDetails/v1/?match_id=7&key=s3cret";

    private final TelemetryClientFilter filter = new TelemetryClientFilter();
    private final CapturedLines lines = new CapturedLines(LogLevel.TRACE).activate();

    @AfterEach
    void release() {
        lines.close();
        assertTrue(ContextStorage.current().isEmpty(), "no context left on the thread");
    }

    @Test
    void anAnsweredCallForwardsTheRequestIdAndWritesOneLineInTheCallersContext() throws Exception {
        FakeClient client = new FakeClient("GET", STEAM);
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1", "labels", List.of("match"),
                "match.id", 7L)) {
            filter.filter(client.request);
        }
        assertEquals(List.of("req-1"), client.headers.get("X-Request-ID"));

        Thread responder = new Thread(() -> filter.filter(client.request, FakeClient.response(200)));
        responder.start();
        responder.join();

        LogEvent line = lines.single();
        assertEquals("http_client_request", line.event());
        assertEquals("dev.telemetrycdi.client", line.logger());
        assertEquals(LogLevel.INFO, line.level());
        assertEquals(Map.of("request.id", "req-1", "labels", List.of("match"), "match.id", 7L),
                line.context().toMap());
        Map<String, Object> fields = line.fields().toMap();
        assertEquals(List.of("http.request.method", "server.address", "server.port", "url.path",
                "http.response.status_code", "duration_ms"), List.copyOf(fields.keySet()));
        assertEquals("GET", fields.get("http.request.method"));
        assertEquals("127.0.0.1", fields.get("server.address"));
        assertEquals(8089, fields.get("server.port"));
        assertEquals("/IDOTA2Match_570/GetMatchDetails/v1/", fields.get("url.path"));
        assertEquals(200, fields.get("http.response.status_code"));
        assertTrue((Double) fields.get("duration_ms") >= 0.0);
        assertFalse(fields.toString().contains("s3cret"), "the query is never written");
    }

    @Test
    void anIdTheCallSetsItselfIsKept() {
        FakeClient client = new FakeClient("GET", STEAM);
        client.headers.putSingle("x-request-id", "own-id");
        try (ContextScope request = TelemetryContext.bind("request.id", "req-1")) {
            filter.filter(client.request);
        }
        assertEquals(List.of("own-id"), client.headers.get("x-request-id"));
        assertNull(client.headers.get("X-Request-ID"));
    }

    @Test
    void outsideARequestNoIdIsSentButTheCallIsLogged() {
        FakeClient client = new FakeClient("POST", STEAM);
        filter.filter(client.request);
        filter.filter(client.request, FakeClient.response(201));
        assertTrue(client.headers.isEmpty());
        assertTrue(lines.single().context().isEmpty());
        assertEquals("POST", lines.single().fields().get("http.request.method"));
    }

    @ParameterizedTest
    @CsvSource({"200, INFO", "204, INFO", "304, INFO", "401, WARNING", "404, WARNING", "429, WARNING",
            "500, WARNING", "503, WARNING"})
    void answersBelow400AreInfoTheOthersWarnings(int status, LogLevel level) {
        FakeClient client = new FakeClient("GET", STEAM);
        filter.filter(client.request);
        filter.filter(client.request, FakeClient.response(status));
        assertEquals(level, lines.single().level());
        assertEquals(status, lines.single().fields().get("http.response.status_code"));
    }

    @ParameterizedTest
    @CsvSource({"https://api.steampowered.com/ISteamUser/, api.steampowered.com, 443",
            "http://steam.example/x, steam.example, 80", "http://[::1]:9999/x, ::1, 9999"})
    void theAddressAndPortFollowTheSemanticConventions(String uri, String address, int port) {
        FakeClient client = new FakeClient("GET", uri);
        filter.filter(client.request);
        filter.filter(client.request, FakeClient.response(200));
        assertEquals(address, lines.single().fields().get("server.address"));
        assertEquals(port, lines.single().fields().get("server.port"));
    }

    @Test
    void aCallEndedWithoutResponseIsLoggedThroughCallAndItsExceptionRethrownUnchanged() {
        FakeClient client = new FakeClient("GET", STEAM);
        ProcessingException refused = new ProcessingException("RESTEASY004655: Unable to invoke request",
                new ConnectException("Connection refused"));
        ProcessingException thrown;
        try (ContextScope request = TelemetryContext.bind("request.id", "req-2")) {
            thrown = assertThrows(ProcessingException.class, () -> TelemetryClientFilter.call(client.builder, b -> {
                filter.filter(client.request);
                throw refused;
            }));
        }
        assertSame(refused, thrown);
        LogEvent line = lines.single();
        assertEquals(LogLevel.WARNING, line.level());
        assertEquals("req-2", line.context().get("request.id"));
        assertEquals("java.net.ConnectException", line.fields().get("error.type"));
        assertNull(line.fields().get("http.response.status_code"));
        assertTrue(line.fields().get("duration_ms") instanceof Double);
    }

    @Test
    void aCallThatThrowsAfterItsResponseIsStillOneLine() {
        FakeClient client = new FakeClient("GET", STEAM);
        assertThrows(ProcessingException.class, () -> TelemetryClientFilter.call(client.builder, b -> {
            filter.filter(client.request);
            filter.filter(client.request, FakeClient.response(500));
            throw new ProcessingException("unreadable entity");
        }));
        assertEquals(500, lines.single().fields().get("http.response.status_code"));
        assertNull(lines.single().fields().get("error.type"));
    }

    @Test
    void callReturnsWhatTheCallReturnsAndAddsNothing() {
        FakeClient client = new FakeClient("GET", STEAM);
        String answer = TelemetryClientFilter.call(client.builder, b -> {
            filter.filter(client.request);
            filter.filter(client.request, FakeClient.response(200));
            return "{\"result\":{}}";
        });
        assertEquals("{\"result\":{}}", answer);
        assertEquals(200, lines.single().fields().get("http.response.status_code"));
    }

    @Test
    void withoutTheFilterRegisteredCallWritesNothing() {
        FakeClient client = new FakeClient("GET", STEAM);
        IllegalStateException failure = new IllegalStateException("no connection");
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> TelemetryClientFilter.call(client.builder, b -> {
                    throw failure;
                })));
        assertTrue(lines.events.isEmpty());
    }

    @Test
    void aReusedRequestStartsANewCallEachTime() {
        FakeClient client = new FakeClient("GET", STEAM);
        for (int status : new int[] {200, 503}) {
            filter.filter(client.request);
            filter.filter(client.request, FakeClient.response(status));
        }
        assertEquals(2, lines.events.size());
        assertEquals(503, lines.events.get(1).fields().get("http.response.status_code"));
    }

    @Test
    void aResponseWithoutAStartedCallWritesNothing() {
        FakeClient client = new FakeClient("GET", STEAM);
        filter.filter(client.request, FakeClient.response(200));
        client.properties.put(ClientCall.PROPERTY, "not a call");
        filter.filter(client.request, FakeClient.response(200));
        assertTrue(lines.events.isEmpty());
    }

    @Test
    void theFilterNeverThrows() {
        try (ContextScope request = TelemetryContext.bind("request.id", "req-3")) {
            assertDoesNotThrow(() -> filter.filter(FakeClient.broken()));
            assertDoesNotThrow(() -> filter.filter(FakeClient.broken(), FakeClient.response(200)));
        }
        assertTrue(lines.events.isEmpty());
    }

    @Test
    void theErrorTypeIsTheCauseInsideTheClientsProcessingExceptions() {
        assertEquals("java.net.SocketTimeoutException", ClientLine.errorType(new ProcessingException("outer",
                new ProcessingException("inner", new SocketTimeoutException("Read timed out")))));
        assertEquals("jakarta.ws.rs.ProcessingException", ClientLine.errorType(new ProcessingException("alone")));
        assertEquals("java.lang.IllegalStateException", ClientLine.errorType(new IllegalStateException(
                new ConnectException())));
    }
}
