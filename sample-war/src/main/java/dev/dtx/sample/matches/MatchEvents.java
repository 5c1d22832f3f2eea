package dev.dtx.sample.matches;

/**
 * The queue of match events: the queue {@code MatchEvents} of the server's embedded broker, defined by the server's
 * configuration (one queue however many copies of the application run) and bound under the JNDI name
 * {@code jms/dtx/MatchEvents} (Open Liberty: {@code telemetry-server.xml}; WildFly: {@code java:/jms/dtx/MatchEvents}
 * by {@code wildfly/src/main/wildfly/telemetry.cli}, which an activation's relative lookup finds). The sender names
 * the queue through the portable {@code JMSContext.createQueue}.
 */
public final class MatchEvents {
    public static final String QUEUE = "jms/dtx/MatchEvents";
    public static final String QUEUE_NAME = "MatchEvents";

    /** The map message's entries. */
    static final String MATCH_ID = "matchId";
    static final String TYPE = "type";

    /** The event type that the consumer cannot apply: shows a failing message. */
    public static final String UNAPPLICABLE = "explode";

    private MatchEvents() {
    }
}
