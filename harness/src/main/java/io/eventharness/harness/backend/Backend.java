package io.eventharness.harness.backend;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where scenario tests run: the embedded emulator, LocalStack in a container, or a real AWS account.
 * Scenario code only sees SDK clients configured from these values, so it runs unchanged on each.
 */
public interface Backend extends AutoCloseable {

    /** {@code embedded}, {@code localstack} or {@code aws}. */
    String name();

    /** The endpoint override, or empty for real AWS. */
    Optional<URI> endpoint();

    Region region();

    AwsCredentialsProvider credentials();

    /** Whether S3 clients must use path-style addressing (local backends). */
    default boolean pathStyleS3() {
        return endpoint().isPresent();
    }

    /** Whether {@link #advance(Duration)} works: only the embedded emulator has a movable clock. */
    default boolean hasMovableClock() {
        return false;
    }

    /** Moves the backend's clock forward, firing everything that falls due. */
    default void advance(Duration by) {
        throw new UnsupportedOperationException("the " + name() + " backend has no movable clock");
    }

    /** What happened between services since {@code afterSeq} (embedded only), one line per hop. */
    default java.util.List<String> trailSince(long afterSeq) {
        return java.util.List.of();
    }

    /** A marker for {@link #trailSince(long)}. */
    default long trailMark() {
        return 0;
    }

    @Override
    void close();
}
