package dev.telemetrycdi.internal.context;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Accepts a caller's {@code X-Request-ID} when it is 1–128 characters of {@code [A-Za-z0-9._:+/=@-]}, and makes a
 * new random UUID ({@link #newId()}) otherwise; the one generator of fresh ids (a request's, a task run's, a
 * WebSocket connection's). A rejected value is dropped, never logged.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-ID";
    /** Why a value was not accepted, for the lines that say so (never the value itself). */
    public static final String REJECTED = "not 1-128 characters of A-Z a-z 0-9 . _ : + / = @ -";
    static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /** {@code candidate} if acceptable, else a new id. */
    public static String acceptOrGenerate(String candidate) {
        return isAcceptable(candidate) ? candidate : newId();
    }

    /** Whether {@code candidate} is acceptable as a request id from outside (a header, a message property). */
    public static boolean isAcceptable(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            if (!isAllowed(candidate.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '+' || c == '/' || c == '=' || c == '@' || c == '-';
    }

    /**
     * A fresh random id (a version 4 UUID, canonical text) for a task run, a connection, a request without one.
     * Ids need uniqueness, not secrecy: the thread-local generator, not {@code UUID.randomUUID()}'s contended
     * SecureRandom; {@code UUID.toString()} writes the String's bytes once.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                        // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;  // IETF variant
        return new UUID(high, low).toString();
    }
}
