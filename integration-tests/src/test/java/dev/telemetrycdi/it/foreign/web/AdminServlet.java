package dev.telemetrycdi.it.foreign.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/** The role-protected area (web.xml: /admin/*, role admin, FORM login). */
@WebServlet("/admin/*")
public class AdminServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(AdminServlet.class.getName());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LOG.info("Admin page for " + request.getRemoteUser());
        response.setContentType("text/plain");
        response.getWriter().println("Welcome, " + request.getRemoteUser());
    }
}
