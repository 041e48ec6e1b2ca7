package io.eventharness.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque continuation tokens (ListObjectsV2, ListBuckets): the last name listed, base64url-encoded. */
final class Tokens {
    private Tokens() {
    }

    static String encode(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidArgument("The continuation token provided is incorrect");
        }
    }
}
