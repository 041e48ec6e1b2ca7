package io.eventharness.harness.backend;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where scenario tests run: the embedded emulator, LocalStack in a container, or a real AWS account.
 * Scenario code only sees SDK clients configured from these values, so it runs unchanged on each.
 *
 * <pre>{@code
 * @Test void onEveryBackend(Cloud cloud) {
 *   Backend b = cloud.backend();          // b.name() is embedded, localstack or aws
 *   if (b.hasMovableClock()) { b.advance(Duration.ofMinutes(2)); }
 * }
 * }</pre>
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

    /**
     * The backend's time: what its schedules, retries and timestamps read. The wall clock, except where the clock
     * moves ({@link #hasMovableClock()}), which must say its own.
     */
    default Instant now() {
        return Instant.now();
    }

    /** Moves the backend's clock forward, firing everything that falls due. */
    default void advance(Duration by) {
        throw new UnsupportedOperationException("the " + name() + " backend has no movable clock");
    }

    /** Whether {@link #trailSince} reports anything: only the embedded emulator records hops between services. */
    default boolean hasTrail() {
        return false;
    }

    /**
     * What happened between services since {@code afterSeq} (embedded only), one line per hop, keeping
     * only hops whose source or target (an ARN, queue URL or name) or payload summary (an event whose id or
     * resources name the test's) {@code concerns} accepts.
     */
    default List<String> trailSince(long afterSeq, Predicate<String> concerns) {
        return List.of();
    }

    /** A marker for {@link #trailSince}. */
    default long trailMark() {
        return 0;
    }

    @Override
    void close();
}
