package dev.telemetrycdi.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;

import static dev.telemetrycdi.it.LogFile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An application with its own Logback (through SLF4J) and Log4j 2, each writing JSON to its own file: with nothing
 * but the module's jars, the MDC / ThreadContext map of every record written while a request runs holds the
 * request's context (the same {@code request.id} as the module's line and the echoed header, the labels and their
 * ids), and holds nothing of it afterwards on the same pooled threads.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignLogsIT {
    private static final ForeignApp APP = ForeignApp.logs("foreign-logs");
    private static final String LOGBACK = "logback.xml";
    private static final String LOG4J = "log4j2.xml";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return APP.war();
    }

    @Test
    void recordsOfTheApplicationsOwnLoggersCarryTheRequestsContext() {
        HttpResponse<String> response = Http.get(base, "/shipments/17", "X-Request-ID", "logs-ship-17");
        assertEquals(200, response.statusCode());
        JsonObject completed = Lines.completed(APP.log(), "logs-ship-17", response);
        assertEquals(List.of("shipment"), Lines.labels(completed));

        for (JsonObject mdc : new JsonObject[] {mdcOf(LOGBACK, "Shipment 17 requested"),
                mdcOf(LOG4J, "Shipment 17 audited")}) {
            assertEquals("logs-ship-17", text(mdc, "request.id"), mdc.toString());
            assertEquals("shipment", text(mdc, "labels"), mdc.toString());
            assertEquals("17", text(mdc, "shipment.id"), mdc.toString());
        }
    }

    @Test
    void aGeneratedIdIsTheSameInEveryLogAndTheEchoedHeader() {
        HttpResponse<String> response = Http.get(base, "/shipments/21");
        String generated = response.headers().firstValue("X-Request-ID").orElseThrow();
        Lines.completed(APP.log(), generated, response);
        assertEquals(generated, text(mdcOf(LOGBACK, "Shipment 21 requested"), "request.id"));
        assertEquals(generated, text(mdcOf(LOG4J, "Shipment 21 audited"), "request.id"));
    }

    @Test
    void nothingOfARequestStaysOnThePooledThreadsForTheNextOne() {
        for (int i = 0; i < 12; i++) {
            boolean withId = i % 2 == 0;
            String path = withId ? "/shipments/" + (100 + i) : "/shipments";
            String requestId = "logs-seq-" + i;
            assertEquals(200, Http.get(base, path, "X-Request-ID", requestId).statusCode());
            String message = withId ? "Shipment " + (100 + i) + " requested" : "Shipment all requested";
            JsonObject mdc = mdc(APP.ownLog(LOGBACK).await(line -> message.equals(said(line))
                    && requestId.equals(text(mdc(line), "request.id"))));
            if (!withId) {
                assertFalse(mdc.containsKey("shipment.id"), "an earlier request's id stayed: " + mdc);
            }
        }
    }

    @Test
    void recordsWrittenOutsideAnyRequestCarryNoRequestContext() {
        JsonObject ready = APP.ownLog(LOGBACK).await(line -> "Shipment service ready".equals(said(line)));
        assertFalse(mdc(ready).containsKey("request.id"), "the servlet starts with the application: " + ready);
    }

    /** The MDC of the first line of the application's own {@code log} whose message is {@code message}. */
    private static JsonObject mdcOf(String log, String message) {
        JsonObject line = APP.ownLog(log).await(candidate -> message.equals(said(candidate)));
        return mdc(line);
    }

    /**
     * The line's message: Log4j's layout writes it formatted, Logback's {@code JsonEncoder} writes the pattern and
     * its {@code arguments} apart.
     */
    private static String said(JsonObject line) {
        String message = text(line, "message");
        if (message == null || !(line.get("arguments") instanceof JsonArray)) {
            return message;
        }
        for (JsonValue argument : line.getJsonArray("arguments")) {
            String value = argument instanceof JsonString ? ((JsonString) argument).getString()
                    : argument.toString();
            message = message.replaceFirst("\\{}", Matcher.quoteReplacement(value));
        }
        return message;
    }

    /** The line's MDC / ThreadContext map; empty when the layout left it out. */
    private static JsonObject mdc(JsonObject line) {
        return line.get("mdc") instanceof JsonObject ? line.getJsonObject("mdc") : JsonValue.EMPTY_JSON_OBJECT;
    }
}
