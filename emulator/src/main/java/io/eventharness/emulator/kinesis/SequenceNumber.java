package io.eventharness.emulator.kinesis;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A record's sequence number, written as AWS writes them: a 56-digit decimal string. It encodes a counter that the
 * stream increases with every record and every shard it opens (so the numbers of a shard increase, and a child
 * shard's numbers are above its parents'), the shard's index, and a tag of the stream (its creation time, made unique
 * among the emulator's streams), so that a number from another shard, another stream or another stream of the same
 * name is recognised:
 * {@code 49 | counter (24 digits) | shard index (10) | stream tag (20)}.
 */
record SequenceNumber(long counter, int shardIndex, long streamTag) {
    private static final Pattern FORMAT = Pattern.compile("49\\d{54}");

    SequenceNumber {
        if (counter < 0 || shardIndex < 0 || streamTag < 0) {
            throw new IllegalArgumentException("negative part of a sequence number");
        }
    }

    /** The number a text encodes; empty when it is not one of ours. */
    static Optional<SequenceNumber> parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SequenceNumber(Long.parseLong(text.substring(2, 26)),
                    Integer.parseInt(text.substring(26, 36)), Long.parseLong(text.substring(36))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // digits beyond a long: not a number we issued
        }
    }

    String format() {
        return String.format("49%024d%010d%020d", counter, shardIndex, streamTag);
    }

    @Override
    public String toString() {
        return format();
    }
}
