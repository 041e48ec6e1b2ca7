package io.eventharness.harness.backend;

import io.eventharness.emulator.Emulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The in-JVM emulator: no Docker, ready in well under a second, with a movable clock and an event trail.
 *
 * <pre>{@code
 * try (EmbeddedBackend b = new EmbeddedBackend()) {
 *   SqsClient sqs = SqsClient.builder().endpointOverride(b.endpoint().orElseThrow()).region(b.region())
 *       .credentialsProvider(b.credentials()).build();
 * }
 * }</pre>
 */
public final class EmbeddedBackend implements Backend {
    private final Emulator emulator;

    public EmbeddedBackend() {
        this.emulator = Emulator.builder().withDynamicPort().build().start();
    }

    /** The emulator itself, for tests that need more than the wire. */
    public Emulator emulator() {
        return emulator;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.of(emulator.endpoint());
    }

    @Override
    public Region region() {
        return emulator.region();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return emulator.credentials();
    }

    /** What the emulator serves and can do ({@code Emulator.SERVICES}, {@code Emulator.FEATURES}), known without starting it. */
    public static final Capabilities CAPABILITIES = Capabilities.of(Emulator.FEATURES, Emulator.SERVICES);

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void advance(Duration by) {
        emulator.clock().advance(by);
    }

    @Override
    public long trailMark() {
        return emulator.trail().lastSeq();
    }


    @Override
    public List<String> trailSince(long afterSeq, Predicate<String> concerns) {
        return emulator.trail().since(afterSeq).stream().filter(e -> concerns.test(e.source()) || concerns.test(e.target()))
                .map(e -> TrailLines.format(e.at(), e.kind(), e.source(), e.target(), e.outcome(), e.summary())).toList();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
