package dev.telemetrycdi.internal.websocket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloseReasonsTest {

    @Test
    void peerAddressesAreReplaced() {
        String liberty = "Connection closed by /127.0.0.1:53712 unexpectedly";
        String safe = CloseReasons.safe(liberty);
        assertEquals("Connection closed by <peer> unexpectedly", safe);
        assertFalse(CloseReasons.safe("peer [::1]:8080 went away").contains("::1"));
        assertFalse(CloseReasons.safe("peer fe80::1%eth0 went away").contains("fe80"));
        assertFalse(CloseReasons.safe("from client.example.com:4431").contains("example"));
        assertFalse(CloseReasons.safe("from 10.0.0.12").contains("10.0"));
    }

    @Test
    void ordinaryReasonsStayAsTheyAre() {
        assertEquals("done", CloseReasons.safe("done"));
        assertEquals("Idle timeout: 30000 ms", CloseReasons.safe("Idle timeout: 30000 ms"));
    }

    @Test
    void controlCharactersAreReplacedAndTheLengthBounded() {
        assertEquals("a b", CloseReasons.safe("a\u0001b"));
        assertEquals(CloseReasons.MAX_LENGTH, CloseReasons.safe("x".repeat(5000)).length());
        assertNull(CloseReasons.safe(""));
        assertNull(CloseReasons.safe(null));
        assertNull(CloseReasons.safe("\u0000\u0001"));
        assertTrue(CloseReasons.safe("1.2.3.4:5").startsWith(CloseReasons.ADDRESS));
    }
}
