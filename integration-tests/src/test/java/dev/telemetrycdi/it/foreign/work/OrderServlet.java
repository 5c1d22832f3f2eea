package dev.telemetrycdi.it.foreign.work;

import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Sends an order to the queue, as the helloworld-mdb quickstart's servlet does: {@code POST /orders?token=...}.
 * {@code &property=NAME&value=VALUE} adds a string property to the message; {@code &intProperty=NAME} an int one.
 */
@WebServlet("/orders")
public class OrderServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(OrderServlet.class.getName());

    @Inject
    private JMSContext context;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        JMSProducer producer = context.createProducer().setProperty(Orders.TOKEN, token);
        String property = request.getParameter("property");
        if (property != null) {
            producer.setProperty(property, request.getParameter("value"));
        }
        String intProperty = request.getParameter("intProperty");
        if (intProperty != null) {
            producer.setProperty(intProperty, 42);
        }
        Queue queue = context.createQueue(Orders.QUEUE_NAME);
        producer.send(queue, "order " + token);
        LOG.info("order sent " + token);
        response.setStatus(202);
        response.getWriter().print(token);
    }
}
