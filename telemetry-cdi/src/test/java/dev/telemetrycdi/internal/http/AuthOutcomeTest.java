package dev.telemetrycdi.internal.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthOutcomeTest {
    @Test
    void theFormLoginPostSucceedsWithACallerAndFailsWithout() {
        assertEquals(AuthOutcome.LOGIN_SUCCEEDED, AuthOutcome.of("/app/j_security_check", 302, true, "alice"));
        assertEquals(AuthOutcome.LOGIN_FAILED, AuthOutcome.of("/app/j_security_check", 302, true, null));
        assertEquals(AuthOutcome.LOGIN_FAILED, AuthOutcome.of("/app/j_security_check", 200, false, null));
    }

    @Test
    void refusalsAreDeniedOrRequired() {
        assertEquals(AuthOutcome.DENIED, AuthOutcome.of("/app/admin/", 403, false, "bob"));
        assertEquals(AuthOutcome.DENIED, AuthOutcome.of("/app/api/items/7", 403, true, null));
        assertEquals(AuthOutcome.REQUIRED, AuthOutcome.of("/app/api/account", 401, false, null));
        // the container answered with its login page: a redirect (Liberty) or a forward (WildFly)
        assertEquals(AuthOutcome.REQUIRED, AuthOutcome.of("/app/admin/", 302, false, null));
        assertEquals(AuthOutcome.REQUIRED, AuthOutcome.of("/app/admin/", 200, false, null));
    }

    @Test
    void otherwiseTheCallerDecides() {
        assertEquals(AuthOutcome.AUTHENTICATED, AuthOutcome.of("/app/admin/", 200, true, "alice"));
        assertEquals(AuthOutcome.ANONYMOUS, AuthOutcome.of("/app/hello", 200, true, null));
        assertEquals(AuthOutcome.ANONYMOUS, AuthOutcome.of("/app/missing", 404, true, null));
        assertEquals(AuthOutcome.ANONYMOUS, AuthOutcome.of("/app/missing", 404, false, null));
    }

    @Test
    void deniedAndFailedAreWarnings() {
        assertTrue(AuthOutcome.DENIED.isWarning());
        assertTrue(AuthOutcome.LOGIN_FAILED.isWarning());
        assertFalse(AuthOutcome.REQUIRED.isWarning());
        assertFalse(AuthOutcome.AUTHENTICATED.isWarning());
    }
}
