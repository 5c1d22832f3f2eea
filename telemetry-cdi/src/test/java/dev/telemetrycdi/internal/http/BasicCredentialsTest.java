package dev.telemetrycdi.internal.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BasicCredentialsTest {
    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theUserNameIsTakenAndThePasswordLeft() {
        assertEquals("bob", BasicCredentials.user(basic("bob:bobpw")));
        assertEquals("bob", BasicCredentials.user("basic " + basic("bob:a:b").substring(6)));
    }

    @Test
    void anythingElseGivesNoUser() {
        assertNull(BasicCredentials.user(null));
        assertNull(BasicCredentials.user("Bearer abc"));
        assertNull(BasicCredentials.user("Basic ***not base64***"));
        assertNull(BasicCredentials.user(basic("no-colon")));
        assertNull(BasicCredentials.user(basic(":password-only")));
        assertNull(BasicCredentials.user(basic("bad\nname:pw")));
        assertNull(BasicCredentials.user(basic("x".repeat(2000) + ":pw")));
    }
}
