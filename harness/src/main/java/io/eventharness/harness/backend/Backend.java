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
 * Where scenario tests run: the embedded emulator, LocalStack in a container, a real AWS account, or whatever already
 * runs at an endpoint. Scenario code only sees SDK clients configured from these values, so it runs unchanged on
 * each; what differs between them is in {@link #capabilities()}.
 *
 * <pre>{@code
 * @Test void onEveryBackend(Cloud cloud) {
 *   Backend b = cloud.backend();          // b.name() is embedded, localstack or aws
 *   if (b.hasMovableClock()) { b.advance(Duration.ofMinutes(2)); }
 * }
 * }</pre>
 */
public interface Backend extends AutoCloseable {

    /** {@code embedded}, {@code localstack}, {@code aws} or {@code endpoint}. */
    String name();

    /** The endpoint override, or empty for real AWS. */
    Optional<URI> endpoint();

    Region region();

    AwsCredentialsProvider credentials();

    /** Whether S3 clients must use path-style addressing (local backends). */
    default boolean pathStyleS3() {
        return endpoint().isPresent();
    }

    /** What it serves and can do beyond the services' APIs; by default what AWS can. */
    default Capabilities capabilities() {
        return Capabilities.AWS;
    }

    /** Whether {@link #advance(Duration)} works: only the emulator (embedded, or at an endpoint) has a movable clock. */
    default boolean hasMovableClock() {
        return capabilities().supports(Feature.CLOCK);
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

    /**
     * Stops the backend's clock following real time (it then moves only with {@link #advance}), or lets it follow
     * real time again from where it stands.
     */
    default void freezeClock(boolean frozen) {
        throw new UnsupportedOperationException("the " + name() + " backend has no movable clock");
    }

    /**
     * Makes the next {@code count} calls of {@code operation} of {@code service} ({@code s3}, {@code PutObject}) answer
     * with the service's {@code error} ({@code throttling} or {@code server-error}) instead of being served: the
     * emulator's {@code POST /_harness/faults}. Only where {@link Feature#API_FAULTS} is supported.
     */
    default void armFault(String service, String operation, String error, int count) {
        throw new UnsupportedOperationException("the " + name() + " backend cannot inject faults");
    }

    /**
     * Makes the next {@code count} invocations of {@code function} (its name) fail with {@code errorType} and
     * {@code errorMessage}, its code not run. Only where {@link Feature#API_FAULTS} is supported.
     */
    default void armFunctionFault(String function, String errorType, String errorMessage, int count) {
        throw new UnsupportedOperationException("the " + name() + " backend cannot inject faults");
    }

    /** How many calls of {@code operation} of {@code service} the armed faults have answered so far (0 where unsupported). */
    default int faultsInjected(String service, String operation) {
        return 0;
    }

    /** Disarms every fault {@link #armFault} armed; nothing where faults are not supported. */
    default void clearFaults() {
    }

    /**
     * Whether {@link #settle(Duration)} works: only the embedded emulator knows when nothing is pending. Elsewhere the
     * harness settles by a quiet period ({@code observe.Settle}).
     */
    default boolean hasSettledSignal() {
        return false;
    }

    /**
     * Waits up to {@code timeout} until nothing is pending in the backend (no delivery queued, no invocation running,
     * no batching window open, no message a mapping has yet to take, no clock task due now); returns what is still
     * pending then, empty when settled.
     */
    default List<String> settle(Duration timeout) {
        throw new UnsupportedOperationException("the " + name() + " backend has no settled signal");
    }

    /** Whether {@link #hopsSince} reports anything: only the emulator records hops between services. */
    default boolean hasTrail() {
        return capabilities().supports(Feature.TRAIL);
    }

    /**
     * Every hop between services since {@code afterSeq}, oldest first, as data (the emulator only; empty elsewhere).
     */
    default List<Hop> hopsSince(long afterSeq) {
        return List.of();
    }

    /**
     * What happened between services since {@code afterSeq} (the emulator only), one line per hop, keeping
     * only hops whose source or target {@code concerns} accepts (an ARN, queue URL or name).
     */
    default List<String> trailSince(long afterSeq, Predicate<String> concerns) {
        return hopsSince(afterSeq).stream().filter(h -> h.involves(concerns)).map(Hop::line).toList();
    }

    /** A marker for {@link #trailSince}. */
    default long trailMark() {
        return 0;
    }

    @Override
    void close();
}
