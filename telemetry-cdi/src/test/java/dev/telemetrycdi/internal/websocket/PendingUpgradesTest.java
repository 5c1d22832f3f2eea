package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.context.Fields;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PendingUpgradesTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final PendingUpgrades upgrades = new PendingUpgrades(now::get);

    @Test
    void aConnectionTakesTheOldestNoteOfItsPathAndQuery() {
        upgrades.note(PendingUpgrades.key("/app/lobbies/3", null), Fields.of("request.id", "first"));
        upgrades.note(PendingUpgrades.key("/app/lobbies/4", null), Fields.of("request.id", "other"));
        upgrades.note(PendingUpgrades.key("/app/lobbies/3", null), Fields.of("request.id", "second"));
        assertEquals("first", upgrades.take("/app/lobbies/3").get("request.id"));
        assertEquals("second", upgrades.take("/app/lobbies/3").get("request.id"));
        assertNull(upgrades.take("/app/lobbies/3"));
        assertEquals("other", upgrades.take("/app/lobbies/4").get("request.id"));
    }

    @Test
    void theQueryIsPartOfTheKey() {
        upgrades.note(PendingUpgrades.key("/app/rooms/1", "nickname=bo"), Fields.of("request.id", "bo"));
        assertNull(upgrades.take(PendingUpgrades.key("/app/rooms/1", null)));
        assertEquals("bo", upgrades.take("/app/rooms/1?nickname=bo").get("request.id"));
    }

    @Test
    void notesNobodyTakesExpireAndAreBounded() {
        upgrades.note("/a", Fields.of("request.id", "old"));
        now.addAndGet(PendingUpgrades.TTL_MS + 1);
        assertNull(upgrades.take("/a"));
        for (int i = 0; i < PendingUpgrades.MAX + 10; i++) {
            upgrades.note("/b", Fields.of("request.id", "n" + i));
        }
        assertEquals(PendingUpgrades.MAX, upgrades.size());
        assertEquals("n10", upgrades.take("/b").get("request.id"));
    }

    @Test
    void theNoteOfAnUpgradeThatFailedIsWithdrawn() {
        upgrades.note("/c", Fields.of("request.id", "refused"));
        upgrades.note("/c", Fields.of("request.id", "upgraded"));
        upgrades.withdraw("/c", "refused");
        assertEquals("upgraded", upgrades.take("/c").get("request.id"));
        assertNull(upgrades.take("/c"));
    }
}
