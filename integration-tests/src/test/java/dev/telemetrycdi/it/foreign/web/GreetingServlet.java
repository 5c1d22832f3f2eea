package dev.telemetrycdi.it.foreign.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

@WebServlet("/hello")
public class GreetingServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(GreetingServlet.class.getName());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LOG.info("Saying hello");
        response.setContentType("text/plain");
        response.getWriter().println("Hello");
    }
}
