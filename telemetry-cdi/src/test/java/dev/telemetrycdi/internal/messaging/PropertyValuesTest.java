package dev.telemetrycdi.internal.messaging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PropertyValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future"})
    void wellFormedTraceparents(String value) {
        assertNull(PropertyValues.checkTraceparent(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00-zz", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n"})
    void malformedTraceparents(String value) {
        assertNotNull(PropertyValues.checkTraceparent(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Zoë Müller", "alice@example.com", "${jndi:ldap://x/a}", "名前"})
    void printableUserIds(String value) {
        assertNull(PropertyValues.checkUserId(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bob\nadmin", "bob\r", "tab\there", "nul\u0000", "bidi\u202Eevil", "line\u2028sep",
            "lone\uD800surrogate", "private\uE000use"})
    void unprintableUserIds(String value) {
        assertNotNull(PropertyValues.checkUserId(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"req-1", "a.b_c:d+e/f=g@h", "550e8400-e29b-41d4-a716-446655440000"})
    void requestIdsFollowTheHeaderRules(String value) {
        assertNull(PropertyValues.checkRequestId(value));
        assertNotNull(PropertyValues.checkRequestId(value + " "));
    }

    @ParameterizedTest
    @ValueSource(ints = {129, 10_240})
    void longValuesAreRefused(int length) {
        assertNotNull(PropertyValues.checkRequestId("a".repeat(length)));
        assertNotNull(PropertyValues.checkUserId("a".repeat(length)));
        assertNotNull(PropertyValues.checkTracestate("a".repeat(length * 4)));
    }
}
