package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.internal.context.PrintableText;
import dev.telemetrycdi.internal.context.RequestIds;

/**
 * The rules for values that arrive in a message from outside: what is accepted as a request id, a user id, a W3C
 * trace context or a correlation id. Each check returns null for an acceptable value, or the reason it is not.
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
final class PropertyValues {
    static final int MAX_USER_ID = PrintableText.MAX_USER_ID;
    static final int MAX_TEXT = 256;
    static final int MAX_TRACESTATE = 512;
    private static final int TRACEPARENT_LENGTH = 55;

    private PropertyValues() {
    }

    static String checkRequestId(String value) {
        return RequestIds.isAcceptable(value) ? null : RequestIds.REJECTED;
    }

    static String checkUserId(String value) {
        return checkPrintable(value, MAX_USER_ID);
    }

    /** Text of 1 to {@code max} printable characters ({@link PrintableText}): null, or why not. */
    static String checkPrintable(String value, int max) {
        return PrintableText.problem(value, max);
    }

    /** A W3C {@code traceparent}: {@code version-traceid-parentid-flags}, lowercase hex, ids not all zero. */
    static String checkTraceparent(String value) {
        String invalid = "not a W3C traceparent";
        if (value.length() < TRACEPARENT_LENGTH || value.length() > MAX_TEXT) {
            return invalid;
        }
        String version = value.substring(0, 2);
        boolean shape = isHex(value, 0, 2) && value.charAt(2) == '-' && isHex(value, 3, 35)
                && value.charAt(35) == '-' && isHex(value, 36, 52) && value.charAt(52) == '-'
                && isHex(value, 53, 55);
        if (!shape || "ff".equals(version) || isZero(value, 3, 35) || isZero(value, 36, 52)) {
            return invalid;
        }
        if (value.length() > TRACEPARENT_LENGTH && ("00".equals(version) || value.charAt(55) != '-')) {
            return invalid;
        }
        return null;
    }

    /** A W3C {@code tracestate}: at most {@value #MAX_TRACESTATE} printable ASCII characters. */
    static String checkTracestate(String value) {
        if (value.length() > MAX_TRACESTATE) {
            return "longer than " + MAX_TRACESTATE + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "contains characters other than printable ASCII";
            }
        }
        return null;
    }

    private static boolean isHex(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
