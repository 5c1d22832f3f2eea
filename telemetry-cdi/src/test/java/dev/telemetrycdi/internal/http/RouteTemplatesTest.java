package dev.telemetrycdi.internal.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RouteTemplatesTest {

    @Path("/tournaments/")
    static class Tournaments {
        @GET
        @Path("{id}/draft/{draftId}/")
        public String draft() {
            return "";
        }

        @GET
        public String list() {
            return "";
        }
    }

    @Test
    void theTemplateJoinsApplicationClassAndMethodPaths() throws Exception {
        RouteTemplates routes = new RouteTemplates();
        assertEquals("/api/tournaments/{id}/draft/{draftId}", routes.template("/api/tournaments/5/draft/12/",
                "tournaments/5/draft/12/", Tournaments.class, Tournaments.class.getMethod("draft")));
        assertEquals("/api/tournaments", routes.template("/api/tournaments", "/tournaments",
                Tournaments.class, Tournaments.class.getMethod("list")));
    }

    @Test
    void anApplicationAtTheContextRootHasNoBase() throws Exception {
        assertEquals("/tournaments/{id}/draft/{draftId}", new RouteTemplates().template("/tournaments/5/draft/12",
                "tournaments/5/draft/12", Tournaments.class, Tournaments.class.getMethod("draft")));
    }

    @Test
    void noMatchedMethodGivesNoTemplate() {
        assertNull(new RouteTemplates().template("/api/x", "x", null, null));
    }

    @Test
    void joinNormalisesSlashes() {
        assertEquals("/a/b/c", RouteTemplates.join("/a/", "//b", "c/"));
        assertEquals("/", RouteTemplates.join("", "/", ""));
    }
}
