package dev.telemetrycdi.it.foreign.parcels;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class ParcelsApplication extends Application {
}
