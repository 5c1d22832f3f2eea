package dev.telemetrycdi.it.foreign.work;

/** Where orders go. */
final class Orders {
    /** The queue, from the server's configuration (Open Liberty: jms/work/Orders; WildFly: java:/jms/work/Orders). */
    static final String QUEUE = "jms/work/Orders";
    /** The queue's name on the broker, for JMSContext.createQueue. */
    static final String QUEUE_NAME = "WorkOrders";
    /** A property the application adds to every order. */
    static final String TOKEN = "token";

    private Orders() {
    }
}
