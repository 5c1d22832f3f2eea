package dev.telemetrycdi.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * Test-only resource added to the sample WAR by {@link MessagingIT}: sends a raw match event (without
 * {@code TelemetryMessages.carry}) whose telemetry properties and correlation id are the given values (each repeated
 * {@code repeat} times), as any other sender could, and answers its JMSMessageID.
 */
@RequestScoped
@Path("/probe/messages")
public class MessageProbe {
    @Inject
    JMSContext jms;

    @POST
    public String send(@QueryParam("correlation") String correlation, @QueryParam("requestId") String requestId,
                       @QueryParam("userId") String userId, @QueryParam("traceparent") String traceparent,
                       @QueryParam("tracestate") String tracestate, @QueryParam("repeat") int repeat)
            throws JMSException {
        MapMessage message = jms.createMapMessage();
        message.setLong("matchId", 7);
        message.setString("type", "probe");
        if (correlation != null) {
            message.setJMSCorrelationID(correlation.repeat(Math.max(1, repeat)));
        }
        set(message, "telemetry_request_id", requestId, repeat);
        set(message, "telemetry_user_id", userId, repeat);
        set(message, "traceparent", traceparent, repeat);
        set(message, "tracestate", tracestate, repeat);
        jms.createProducer().send(jms.createQueue("MatchEvents"), message);
        return message.getJMSMessageID();
    }

    /** {@code value} repeated {@code repeat} times (at least once), if given. */
    private static void set(MapMessage message, String name, String value, int repeat) throws JMSException {
        if (value != null) {
            message.setStringProperty(name, value.repeat(Math.max(1, repeat)));
        }
    }
}
