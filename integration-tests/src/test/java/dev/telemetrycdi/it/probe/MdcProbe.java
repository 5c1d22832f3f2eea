package dev.telemetrycdi.it.probe;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only resource added to the sample WAR by {@code BridgeIT}: puts a value into JBoss Logging's MDC, as
 * application code does, and answers what JBoss LogManager's MDC (the one the server's formatters read) sees, and
 * which class loader that MDC class comes from.
 */
@RequestScoped
@Path("/probe/mdc")
public class MdcProbe {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String mdc() {
        org.jboss.logging.MDC.put("probe.key", "probe-value");
        try {
            Object seen = org.jboss.logmanager.MDC.get("probe.key");
            ClassLoader mdcLoader = org.jboss.logmanager.MDC.class.getClassLoader();
            return Json.createObjectBuilder()
                    .add("seen", String.valueOf(seen))
                    .add("fromApplication", mdcLoader == MdcProbe.class.getClassLoader())
                    .build().toString();
        } finally {
            org.jboss.logging.MDC.remove("probe.key");
        }
    }
}
