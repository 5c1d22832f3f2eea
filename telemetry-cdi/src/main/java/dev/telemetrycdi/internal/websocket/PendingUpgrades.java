package dev.telemetrycdi.internal.websocket;

import dev.telemetrycdi.internal.context.Fields;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * The context of WebSocket upgrade requests whose connection has not shown yet: the servlet filter notes each upgrade
 * request ({@code request.id}, {@code user.id}) under its path and query; the connection's first callback takes the
 * oldest note of the same path and query. So a connection carries its handshake's {@code request.id}, generated or
 * not, even where the container opens it after the upgrade request has ended (Open Liberty, WildFly) and the
 * endpoint has no configurator of the module's.
 *
 * <p>Bounded: at most {@value #MAX} notes, each kept {@value #TTL_MS} ms at most; the note of an upgrade request
 * that did not end with 101 is withdrawn when the request ends. Two handshakes for the same path and query at the same moment may each get the other's
 * request id.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
final class PendingUpgrades {
    static final int MAX = 512;
    static final long TTL_MS = 30_000;

    private final ArrayDeque<Note> notes = new ArrayDeque<>();
    private final LongSupplier clock;

    PendingUpgrades() {
        this(System::currentTimeMillis);
    }

    PendingUpgrades(LongSupplier clock) {
        this.clock = clock;
    }

    synchronized void note(String key, Fields context) {
        long now = clock.getAsLong();
        dropExpired(now);
        if (notes.size() >= MAX) {
            notes.removeFirst();
        }
        notes.addLast(new Note(key, context, now));
    }

    /** The oldest context noted under {@code key}, removed; null if none. */
    synchronized Fields take(String key) {
        dropExpired(clock.getAsLong());
        for (Iterator<Note> it = notes.iterator(); it.hasNext(); ) {
            Note note = it.next();
            if (note.key.equals(key)) {
                it.remove();
                return note.context;
            }
        }
        return null;
    }

    /** Drops the note of request {@code requestId} under {@code key}, if nobody took it (its upgrade failed). */
    synchronized void withdraw(String key, Object requestId) {
        notes.removeIf(note -> note.key.equals(key) && requestId.equals(note.context.get("request.id")));
    }

    synchronized int size() {
        return notes.size();
    }

    private void dropExpired(long now) {
        while (!notes.isEmpty() && now - notes.peekFirst().at > TTL_MS) {
            notes.removeFirst();
        }
    }

    /** The key of a request: its raw path and query, as the container hands them to the connection. */
    static String key(String rawPath, String query) {
        return query == null || query.isEmpty() ? rawPath : rawPath + "?" + query;
    }

    private static final class Note {
        final String key;
        final Fields context;
        final long at;

        Note(String key, Fields context, long at) {
            this.key = key;
            this.context = context;
            this.at = at;
        }
    }
}
