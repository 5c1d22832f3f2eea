package dev.dtx.sample.matches;

/**
 * The queue of match events, defined by the application itself (portable, on {@link MatchEventConsumer}):
 * {@code java:app/jms/MatchEvents}, the queue {@code MatchEvents} of the server's broker. On Open Liberty the
 * broker's queue and the binding of the consumer come from the server configuration ({@code telemetry-server.xml})
 * and {@code WEB-INF/ibm-ejb-jar-bnd.xml}.
 */
public final class MatchEvents {
    public static final String QUEUE = "java:app/jms/MatchEvents";
    public static final String QUEUE_NAME = "MatchEvents";

    /** The map message's entries. */
    static final String MATCH_ID = "matchId";
    static final String TYPE = "type";

    /** The event type that the consumer cannot apply: shows a failing message. */
    public static final String UNAPPLICABLE = "explode";

    private MatchEvents() {
    }
}
