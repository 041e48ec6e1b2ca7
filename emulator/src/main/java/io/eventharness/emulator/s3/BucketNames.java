package io.eventharness.emulator.s3;

import java.util.List;
import java.util.regex.Pattern;

/** The naming rules of general purpose buckets ("Bucket naming rules" in the S3 user guide). */
final class BucketNames {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketNames() {
    }

    static boolean valid(String name) {
        // each dot-separated label begins and ends with a letter or digit: no "..", "-." or ".-"
        if (name == null || !SHAPE.matcher(name).matches() || name.contains("..") || name.contains("-.")
                || name.contains(".-") || IP.matcher(name).matches()) {
            return false;
        }
        return RESERVED_PREFIXES.stream().noneMatch(name::startsWith) && RESERVED_SUFFIXES.stream().noneMatch(name::endsWith);
    }
}
