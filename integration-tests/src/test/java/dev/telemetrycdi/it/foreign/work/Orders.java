package dev.telemetrycdi.it.foreign.work;

/** Where orders go. */
final class Orders {
    /** The queue, from the server's configuration (Open Liberty: jms/work/Orders; WildFly: java:/jms/work/Orders). */
    static final String QUEUE = "jms/work/Orders";
    /** A property the application adds to every order. */
    static final String TOKEN = "token";

    private Orders() {
    }
}
