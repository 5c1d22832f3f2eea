package dev.telemetrycdi.it.foreign.tasks;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class TasksApplication extends Application {
}
