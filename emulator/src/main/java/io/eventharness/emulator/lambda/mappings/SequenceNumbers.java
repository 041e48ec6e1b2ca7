package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.delivery.StreamCursor;

/** The order of sequence numbers (decimal strings, possibly with leading zeros) and of cursors made of them. */
final class SequenceNumbers {
    private SequenceNumbers() {
    }

    /** Compares two sequence numbers as numbers. */
    static int compare(String a, String b) {
        String x = strip(a);
        String y = strip(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    /** Compares cursors by where they are: a trim horizon before any record, then by sequence number. */
    static int compare(StreamCursor a, StreamCursor b) {
        boolean ah = a.kind() != StreamCursor.Kind.AFTER;
        boolean bh = b.kind() != StreamCursor.Kind.AFTER;
        if (ah || bh) {
            return ah == bh ? 0 : ah ? -1 : 1;
        }
        return compare(a.sequenceNumber(), b.sequenceNumber());
    }

    private static String strip(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
