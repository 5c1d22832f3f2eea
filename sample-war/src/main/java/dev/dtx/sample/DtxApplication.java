package dev.dtx.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The DTX sample API under {@code /api}. It lists no classes, so the server scans the WAR, including the
 * providers of the jars in {@code WEB-INF/lib} such as telemetry-cdi's request filters.
 */
@ApplicationPath("/api")
public class DtxApplication extends Application {
}
