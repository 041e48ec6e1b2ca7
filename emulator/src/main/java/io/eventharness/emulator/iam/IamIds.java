package io.eventharness.emulator.iam;

import java.security.SecureRandom;

/**
 * IAM's unique ids and access keys: a type prefix ({@code AROA} role, {@code AIDA} user, {@code ANPA}
 * policy, {@code AKIA} access key, {@code ASIA} temporary access key) and upper-case base32 characters,
 * as AWS issues them (IAM user guide, "Unique identifiers").
 */
public final class IamIds {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IamIds() {
    }

    /** A 21-character unique id such as {@code AROA…} for a role. */
    public static String uniqueId(String prefix) {
        return prefix + random(BASE32, 17);
    }

    /** A 20-character access key id: {@code AKIA…} long-term, {@code ASIA…} temporary. */
    public static String accessKeyId(String prefix) {
        return prefix + random(BASE32, 16);
    }

    /** A 40-character secret access key. */
    public static String secretAccessKey() {
        return random(SECRET, 40);
    }

    /** The same id for the same seed (AWS managed policies keep their ids across runs). */
    static String stableId(String prefix, String seed) {
        java.util.Random r = new java.util.Random(seed.hashCode());
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            sb.append(BASE32.charAt(r.nextInt(BASE32.length())));
        }
        return sb.toString();
    }

    static String random(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
