package io.eventharness.emulator.s3;

import java.util.List;

/**
 * The part sizes of an object completed from a multipart upload, in part order: what
 * {@code GetObject?partNumber=N} serves and {@code x-amz-mp-parts-count} counts.
 */
record ObjectParts(List<Long> sizes) {

    ObjectParts {
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("a multipart object has at least one part");
        }
    }

    int count() {
        return sizes.size();
    }

    /** The bytes of part {@code number} (1-based, at most {@link #count()}). */
    ByteRange range(int number) {
        long first = 0;
        for (int i = 0; i < number - 1; i++) {
            first += sizes.get(i);
        }
        return new ByteRange(first, first + sizes.get(number - 1) - 1);
    }
}
