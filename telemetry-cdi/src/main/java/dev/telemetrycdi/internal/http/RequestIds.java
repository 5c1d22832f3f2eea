package dev.telemetrycdi.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Accepts a caller's {@code X-Request-ID} when it is 1–128 characters of {@code [A-Za-z0-9._:+/=@-]}, and makes a
 * new random UUID otherwise. A rejected value is dropped, never logged.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-ID";
    /** Why a value was not accepted, for the lines that say so (never the value itself). */
    public static final String REJECTED = "not 1-128 characters of A-Z a-z 0-9 . _ : + / = @ -";
    static final int MAX_LENGTH = 128;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

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
     * A random (version 4) UUID in its canonical text form. Request ids need uniqueness, not secrecy, so this uses
     * the thread-local generator rather than {@code UUID.randomUUID()}'s contended SecureRandom.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                        // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;  // IETF variant
        byte[] out = new byte[36]; // ASCII as Latin-1 bytes: the String keeps this layout (compact strings)
        hex(out, 0, high >>> 32, 8);
        out[8] = '-';
        hex(out, 9, high >>> 16, 4);
        out[13] = '-';
        hex(out, 14, high, 4);
        out[18] = '-';
        hex(out, 19, low >>> 48, 4);
        out[23] = '-';
        hex(out, 24, low, 12);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static void hex(byte[] out, int offset, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[offset + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
