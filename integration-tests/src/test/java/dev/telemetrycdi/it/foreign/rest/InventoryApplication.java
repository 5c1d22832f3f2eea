package dev.telemetrycdi.it.foreign.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class InventoryApplication extends Application {
}
