package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.telemetrycdi.it.LogFile.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up line says what the module hooked in an application that is not the sample, and what it could not
 * hook with the fix: an application whose {@code web.xml} has an {@code <absolute-ordering>} without
 * {@code <others/>} keeps the container from running the module's initializer, which {@code hooks.missed} and
 * {@code TCDI0009W} say, naming the fix, instead of the requests going unlogged without a word.
 */
@ExtendWith(ArquillianExtension.class)
class HookReportIT {
    private static final ForeignApp PLAIN = ForeignApp.logs("hooks-plain");
    private static final ForeignApp ORDERED = ForeignApp.logs("hooks-ordered").webXml("web-ordered.xml");

    @Deployment(name = "plain", testable = false)
    static WebArchive plain() {
        return PLAIN.war();
    }

    @Deployment(name = "ordered", testable = false)
    static WebArchive ordered() {
        return ORDERED.war();
    }

    @Test
    void theStartUpLineListsTheHttpHook() {
        JsonObject initialized = PLAIN.log().await(line -> event(line, "telemetry_initialized"));
        assertTrue(strings(initialized, "hooks").contains("http every request (servlet filter and request listener)"),
                initialized.toString());
        assertFalse(initialized.containsKey("hooks.missed"), initialized.toString());
    }

    @Test
    void anOrderingThatLeavesTheModuleOutIsSaidWithItsFix(@ArquillianResource @OperateOnDeployment("ordered")
                                                          URL base) {
        JsonObject initialized = ORDERED.log().await(line -> event(line, "telemetry_initialized"));
        List<String> missed = strings(initialized, "hooks.missed");
        assertEquals(1, missed.size(), initialized.toString());
        assertTrue(missed.get(0).startsWith("http every request: ") && missed.get(0).endsWith(
                "fix: add <others/> to <absolute-ordering> in web.xml"), missed.get(0));
        ServerLog.await("TCDI0009W: telemetry-cdi could not hook http every request", "fix: add <others/>");

        HttpResponse<String> response = Http.get(base, "/shipments/5", "X-Request-ID", "hooks-ordered-5");
        assertEquals(200, response.statusCode(), "the application serves as before");
        assertTrue(response.headers().firstValue("X-Request-ID").isEmpty(), "as the start-up line said");
    }

    private static List<String> strings(JsonObject line, String key) {
        return line.containsKey(key) ? line.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList() : List.of();
    }
}
