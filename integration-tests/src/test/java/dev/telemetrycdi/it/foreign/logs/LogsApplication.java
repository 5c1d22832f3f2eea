package dev.telemetrycdi.it.foreign.logs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The shipment tracking API. */
@ApplicationPath("/api")
public class LogsApplication extends Application {
}
