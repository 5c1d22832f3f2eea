package dev.telemetrycdi.it.minimal;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The foreign application's Jakarta REST root, as a vendor's quickstart writes it. */
@ApplicationPath("/api")
public class GreetingApplication extends Application {
}
