package io.eventharness.emulator.sns;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** One page of a listing (SNS lists 100 at a time) and the opaque token of the next one. */
record Page<T>(List<T> items, String nextToken) {
    /** How many items SNS lists at a time. */
    static final int SIZE = 100;

    static <T> Page<T> of(List<T> all, String token, int size) {
        int start = 0;
        if (token != null) {
            try {
                start = Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                start = -1;
            }
            if (start < 0 || start > all.size()) {
                throw SnsErrors.invalidParameter("Invalid parameter: NextToken");
            }
        }
        int end = Math.min(all.size(), start + size);
        String next = end < all.size() ? Base64.getEncoder().encodeToString(String.valueOf(end).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(List.copyOf(all.subList(start, end)), next);
    }
}
