package dev.telemetrycdi.it.foreign.scopes;

import dev.telemetrycdi.ContextScope;
import dev.telemetrycdi.EventLogger;
import dev.telemetrycdi.TelemetryContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Binds the caller's tenant for the whole request; says when the chain is done, still inside its scope. */
@WebFilter("/*")
public class TenantFilter extends HttpFilter {
    private static final EventLogger LOG = EventLogger.get(TenantFilter.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String tenant = request.getHeader("X-Tenant");
        if (tenant == null) {
            chain.doFilter(request, response);
            return;
        }
        try (ContextScope scope = TelemetryContext.bind("tenant", tenant)) {
            chain.doFilter(request, response);
            LOG.info("tenant_request_done");
        }
        LOG.info("tenant_scope_closed");
    }
}
