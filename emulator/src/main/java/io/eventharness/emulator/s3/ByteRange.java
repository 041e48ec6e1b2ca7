package io.eventharness.emulator.s3;

/**
 * A {@code Range: bytes=…} request header (RFC 9110 §14.1.2), as S3 serves it: one range only,
 * {@code a-b}, {@code a-} or the suffix {@code -n}; the end is clipped to the object. A header S3
 * cannot parse, or one with several ranges, is ignored and the whole object is returned; a range
 * that starts past the end is 416 InvalidRange.
 *
 * @param first the first byte
 * @param last  the last byte, inclusive
 */
record ByteRange(long first, long last) {

    /** The range to serve, or null for the whole object. */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long n = Long.parseLong(b);
                if (n <= 0 || size == 0) {
                    throw S3Errors.invalidRange();
                }
                return new ByteRange(Math.max(0, size - n), size - 1);
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Long.parseLong(b);
            if (first < 0 || (!b.isEmpty() && last < first)) {
                return null;
            }
            if (first >= size) {
                throw S3Errors.invalidRange();
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    long length() {
        return last - first + 1;
    }

    /** {@code bytes 0-9/100}. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
