package dev.dtx.sample.matches;

import dev.telemetrycdi.BindMessageContext;
import dev.telemetrycdi.ContextScope;
import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.TelemetryContext;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Applies match events from the {@link MatchEvents} queue. With {@link BindMessageContext}, telemetry-cdi runs each
 * {@code onMessage} in the sender's context ({@code request.id}, {@code user.id}, its trace) with the messaging
 * fields, and writes {@code message_received} and {@code message_processed} or {@code message_failed} around it.
 * An event of type {@value MatchEvents#UNAPPLICABLE} throws: the container rolls the delivery back, and the
 * queue's redelivery limit (one attempt, see {@code telemetry-server.xml}) moves it to the exception destination.
 */
@BindMessageContext
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = MatchEvents.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class MatchEventConsumer implements MessageListener {
    private static final EventLogger log = EventLogger.get(MatchEventConsumer.class);

    @Override
    public void onMessage(Message message) {
        long matchId;
        String type;
        try {
            MapMessage event = (MapMessage) message;
            matchId = event.getLong(MatchEvents.MATCH_ID);
            type = event.getString(MatchEvents.TYPE);
        } catch (JMSException | ClassCastException | NumberFormatException e) {
            log.warning("match_event_unreadable", "reason", e.toString());
            return;
        }
        try (ContextScope scope = TelemetryContext.bind("match.id", matchId, "match.event", type)) {
            if (MatchEvents.UNAPPLICABLE.equals(type)) {
                throw new IllegalStateException("match event " + type + " cannot be applied to match " + matchId);
            }
            log.info("match_event_applied");
        }
    }
}
