package io.eventharness.emulator.logs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Paging tokens. GetLogEvents tokens name a position between events, {@code f/…} to read forward from
 * it and {@code b/…} to read backward from it (AWS's own tokens have the same prefixes); the digits are
 * the timestamp and sequence number of the first event at or after the position. Other tokens are
 * opaque base64 of the last key returned.
 */
final class LogsTokens {
    /** A position: events with key ≥ (timestamp, seq) lie after it. */
    record Position(boolean forward, long timestamp, long seq) {
    }

    /** An event's key: its timestamp, then its sequence number. */
    record EventKey(long timestamp, long seq) {
        /** Before every event. */
        static final EventKey FIRST = new EventKey(Long.MIN_VALUE, Long.MIN_VALUE);
    }

    private LogsTokens() {
    }

    /** A FilterLogEvents token: the next page starts after this event. */
    static String filterToken(EventKey last) {
        return opaque("filter", last.timestamp() + ":" + last.seq());
    }

    /** The event a FilterLogEvents token names; InvalidParameter for any other token. */
    static EventKey filterKey(String token) {
        String key = key("filter", token);
        int colon = key.indexOf(':');
        try {
            return new EventKey(Long.parseLong(key.substring(0, colon)), Long.parseLong(key.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw LogsErrors.invalidToken();
        }
    }

    static String forward(long timestamp, long seq) {
        return String.format("f/%019d%019d", timestamp, seq);
    }

    static String backward(long timestamp, long seq) {
        return String.format("b/%019d%019d", timestamp, seq);
    }

    static Position position(String token) {
        if (token.length() != 40 || token.charAt(1) != '/' || token.charAt(0) != 'f' && token.charAt(0) != 'b') {
            throw LogsErrors.invalidToken();
        }
        try {
            return new Position(token.charAt(0) == 'f', Long.parseLong(token.substring(2, 21)),
                    Long.parseLong(token.substring(21)));
        } catch (NumberFormatException e) {
            throw LogsErrors.invalidToken();
        }
    }

    /** An opaque token for {@code key} in listing {@code kind}. */
    static String opaque(String kind, String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside an opaque token of listing {@code kind}; a token of another listing is invalid. */
    static String key(String kind, String token) {
        String s;
        try {
            s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LogsErrors.invalidToken();
        }
        if (!s.startsWith(kind + "\n")) {
            throw LogsErrors.invalidToken();
        }
        return s.substring(kind.length() + 1);
    }
}
