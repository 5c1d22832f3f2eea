package dev.telemetrycdi.it.foreign.work;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.logging.Logger;

/** Receives the orders, as the helloworld-mdb quickstart's bean does. */
@MessageDriven(name = "OrderListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Orders.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge")})
public class OrderListener implements MessageListener {
    private static final Logger LOG = Logger.getLogger(OrderListener.class.getName());

    @Override
    public void onMessage(Message message) {
        try {
            LOG.info("order received " + message.getStringProperty(Orders.TOKEN));
        } catch (JMSException e) {
            LOG.warning("unreadable order: " + e);
        }
    }
}
