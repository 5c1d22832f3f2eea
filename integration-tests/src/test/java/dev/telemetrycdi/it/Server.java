package dev.telemetrycdi.it;

/** Which server the suite runs on (system property {@code it.server}, set by the module that runs the suite). */
enum Server {
    LIBERTY, WILDFLY;

    static Server current() {
        return "wildfly".equalsIgnoreCase(System.getProperty("it.server", "liberty")) ? WILDFLY : LIBERTY;
    }

    static boolean isLiberty() {
        return current() == LIBERTY;
    }
}
