package dev.telemetrycdi.it.foreign.logs;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** Shipments, logged through SLF4J (Logback) and audited through Log4j 2. */
@WebServlet(urlPatterns = "/shipments/*", loadOnStartup = 1)
public class ShipmentServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ShipmentServlet.class);
    private static final org.apache.logging.log4j.Logger AUDIT = LogManager.getLogger("shipments.audit");

    @Override
    public void init() {
        LOG.info("Shipment service ready");
        AUDIT.info("Shipment service ready");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null ? "all" : request.getPathInfo().substring(1);
        LOG.info("Shipment {} requested", id);
        AUDIT.info("Shipment {} audited", id);
        response.setContentType("text/plain");
        response.getWriter().println("shipment " + id);
    }
}
