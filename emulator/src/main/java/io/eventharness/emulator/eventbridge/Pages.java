package io.eventharness.emulator.eventbridge;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a sorted list for the List operations: {@code NextToken} is the key of the first item of the next page.
 *
 * @param items the page
 * @param next  the next token; null on the last page
 */
record Pages<T>(List<T> items, String next) {

    /** The page starting at {@code token} (the start when null), at most {@code limit} items (100 when null). */
    static <T> Pages<T> of(List<T> sorted, Function<T, String> key, String token, Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 100) {
            throw EventBridgeErrors.constraint(limit, "limit", "Member must have value between 1 and 100");
        }
        int start = 0;
        if (token != null) {
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(token) < 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + max);
        return new Pages<>(sorted.subList(start, end), end < sorted.size() ? key.apply(sorted.get(end)) : null);
    }
}
