package io.eventharness.emulator.scheduler;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a sorted list: {@code NextToken} is the key of the first item of the next page.
 *
 * @param next the next token; null on the last page
 */
record Paging<T>(List<T> items, String next) {

    /** The page starting at {@code token} (the start when null), at most {@code max} items (100 when null). */
    static <T> Paging<T> of(List<T> sorted, Function<T, String> key, String token, Integer max) {
        int limit = max == null ? 100 : max;
        if (limit < 1 || limit > 100) {
            throw SchedulerErrors.constraint(max, "maxResults", "Member must have value between 1 and 100");
        }
        int start = 0;
        if (token != null) {
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(token) < 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + limit);
        return new Paging<>(sorted.subList(start, end), end < sorted.size() ? key.apply(sorted.get(end)) : null);
    }
}
