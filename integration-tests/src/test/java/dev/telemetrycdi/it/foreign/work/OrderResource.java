package dev.telemetrycdi.it.foreign.work;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.logging.Logger;

/** {@code POST /api/orders?token=...}: the order desk sends it with the classic API. */
@RequestScoped
@Path("orders")
public class OrderResource {
    private static final Logger LOG = Logger.getLogger(OrderResource.class.getName());

    @Inject
    OrderDesk desk;

    @POST
    public Response send(@QueryParam("token") String token) throws JMSException {
        desk.send(token);
        LOG.info("order sent " + token);
        return Response.accepted(token).build();
    }
}
