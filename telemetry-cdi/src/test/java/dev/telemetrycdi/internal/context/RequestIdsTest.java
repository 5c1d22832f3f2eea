package dev.telemetrycdi.internal.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc-123", "A.b_c:d+e/f=g@h-i", "0123456789"})
    void wellFormedIdsAreAccepted(String id) {
        assertEquals(id, RequestIds.acceptOrGenerate(id));
    }

    @Test
    void idsOfExactly128CharactersAreAccepted() {
        String id = "x".repeat(128);
        assertEquals(id, RequestIds.acceptOrGenerate(id));
        assertNotEquals(id + "x", RequestIds.acceptOrGenerate(id + "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\r\nb", "\"quoted\"", "${jndi:ldap://x}", "Zürich", "tab\t", "a;b", "<x>"})
    void anythingElseIsReplacedByAUuid(String hostile) {
        String id = RequestIds.acceptOrGenerate(hostile);
        assertNotEquals(hostile, id);
        UUID uuid = UUID.fromString(id);
        assertEquals(4, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(id, uuid.toString());
    }

    @Test
    void aMissingIdIsGeneratedAndIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(RequestIds.newId());
        }
        assertEquals(10_000, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.length() == 36));
    }
}
