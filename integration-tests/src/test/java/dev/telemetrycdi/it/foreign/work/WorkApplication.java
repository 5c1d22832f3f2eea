package dev.telemetrycdi.it.foreign.work;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class WorkApplication extends Application {
}
