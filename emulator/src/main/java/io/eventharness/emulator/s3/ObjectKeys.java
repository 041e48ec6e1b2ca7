package io.eventharness.emulator.s3;

import java.nio.charset.StandardCharsets;

/** Object keys: at most 1,024 bytes of UTF-8 ("Naming Amazon S3 objects" in the S3 user guide). */
final class ObjectKeys {
    private static final int MAX_KEY_BYTES = 1024;

    private ObjectKeys() {
    }

    static boolean tooLong(String key) {
        return key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES;
    }

    /** KeyTooLongError for a key over the limit. */
    static void check(String key) {
        if (tooLong(key)) {
            throw S3Errors.keyTooLong();
        }
    }
}
