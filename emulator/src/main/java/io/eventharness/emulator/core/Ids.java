package io.eventharness.emulator.core;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The one source of identifiers: request ids, message ids, hex tokens. */
public final class Ids {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom SEEDS = new SecureRandom();

    private Ids() {
    }

    /** A random UUID, AWS's usual request and message id. */
    public static String uuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    /** {@code bytes} random bytes as lower-case hex. */
    public static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HEX.formatHex(b);
    }

    /** A random token that should not be guessable (receipt handles, upload ids). */
    public static String token(int bytes) {
        byte[] b = new byte[bytes];
        SEEDS.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
