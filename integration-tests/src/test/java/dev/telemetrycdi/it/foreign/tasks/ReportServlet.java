package dev.telemetrycdi.it.foreign.tasks;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The servlet way: {@code POST /report-servlet?token=...} builds the report on the default executor. */
@WebServlet("/report-servlet")
public class ReportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Resource
    ManagedExecutorService executor;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        try {
            String worker = executor.submit(() -> Reports.build(token)).get(10, TimeUnit.SECONDS);
            response.getWriter().write(Thread.currentThread().getName() + "|" + worker);
        } catch (Exception e) {
            response.sendError(500, e.toString());
        }
    }
}
