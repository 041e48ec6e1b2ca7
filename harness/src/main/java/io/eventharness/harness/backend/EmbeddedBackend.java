package io.eventharness.harness.backend;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.delivery.TrailEntry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

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

    @Override
    public boolean hasMovableClock() {
        return true;
    }

    @Override
    public Instant now() {
        return emulator.clock().now();
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
    public boolean hasTrail() {
        return true;
    }

    @Override
    public List<String> trailSince(long afterSeq, Predicate<String> concerns) {
        return emulator.trail().since(afterSeq).stream()
                .filter(e -> concerns.test(e.source()) || concerns.test(e.target()) || concerns.test(e.summary()))
                .map(EmbeddedBackend::format).toList();
    }

    private static String format(TrailEntry e) {
        return TIME.format(e.at()) + "  " + e.kind() + "  " + e.source() + " -> " + e.target() + "  [" + e.outcome() + "]"
                + (e.summary().isEmpty() ? "" : "  " + e.summary());
    }

    @Override
    public void close() {
        emulator.close();
    }
}
