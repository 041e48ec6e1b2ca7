package io.eventharness.harness.backend;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The emulator in the test JVM: no Docker, ready in well under a second, with a movable clock, an event trail and a
 * settled signal.
 * It runs in a class loader of its own ({@link IsolatedEmulator}), on its own AWS SDK, Jackson, Jetty and SLF4J,
 * whatever versions the test's class path has; the test's clients reach it over HTTP like any other endpoint.
 *
 * <pre>{@code
 * try (EmbeddedBackend b = new EmbeddedBackend()) {
 *   SqsClient sqs = SqsClient.builder().endpointOverride(b.endpoint().orElseThrow()).region(b.region())
 *       .credentialsProvider(b.credentials()).build();
 * }
 * }</pre>
 */
public final class EmbeddedBackend implements Backend {
    private final IsolatedEmulator emulator;
    private final Region region;

    /** {@code -Dharness.policies=enforce}: IAM's policies decide what the functions (by their execution role) may do. */
    static final String POLICIES_PROPERTY = "harness.policies";

    public EmbeddedBackend() {
        this.emulator = IsolatedEmulator.start(options(System.getProperty(POLICIES_PROPERTY, "stored")));
        this.region = Region.of(emulator.region());
    }

    /** The emulator's options for a {@value #POLICIES_PROPERTY} setting: {@code stored} (the default) or {@code enforce}. */
    static Map<String, String> options(String policies) {
        return switch (policies) {
            case "stored" -> Map.of();
            case "enforce" -> Map.of("enforcePolicies", "true");
            default -> throw new IllegalArgumentException(POLICIES_PROPERTY + "=" + policies + ": use 'stored' (the default: "
                    + "policies are kept, not checked) or 'enforce' (IAM's policies decide what each caller may do)");
        };
    }

    /** The emulator behind this backend, for the harness's tests of its isolation. */
    IsolatedEmulator emulator() {
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
        return region;
    }

    /** Any credentials work; these are the conventional ones. */
    @Override
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    private static volatile Capabilities capabilities;

    /**
     * What the emulator serves and can do ({@code Emulator.SERVICES}, {@code Emulator.FEATURES}), known without starting
     * it: read from its classes, in their own loader, once.
     */
    public static Capabilities known() {
        Capabilities c = capabilities;
        if (c == null) {
            c = Capabilities.of(IsolatedEmulator.describe("features"), IsolatedEmulator.describe("services"));
            capabilities = c;
        }
        return c;
    }

    @Override
    public Capabilities capabilities() {
        return known();
    }

    @Override
    public Instant now() {
        return emulator.now();
    }

    @Override
    public void advance(Duration by) {
        emulator.advance(by);
    }

    @Override
    public void freezeClock(boolean frozen) {
        emulator.freezeClock(frozen);
    }

    @Override
    public boolean hasSettledSignal() {
        return true;
    }

    @Override
    public List<String> settle(Duration timeout) {
        return emulator.settle(timeout);
    }

    @Override
    public void armFault(String service, String operation, String error, int count) {
        if (!capabilities().supports(Feature.API_FAULTS)) {
            Backend.super.armFault(service, operation, error, count);
        }
        FaultRequests.arm(emulator.endpoint(), service, operation, error, count);
    }

    @Override
    public void armFunctionFault(String function, String errorType, String errorMessage, int count) {
        if (!capabilities().supports(Feature.API_FAULTS)) {
            Backend.super.armFunctionFault(function, errorType, errorMessage, count);
        }
        FaultRequests.armFunction(emulator.endpoint(), function, errorType, errorMessage, count);
    }

    @Override
    public int faultsInjected(String service, String operation) {
        return capabilities().supports(Feature.API_FAULTS) ? FaultRequests.injected(emulator.endpoint(), service, operation) : 0;
    }

    @Override
    public void clearFaults() {
        if (capabilities().supports(Feature.API_FAULTS)) {
            FaultRequests.clear(emulator.endpoint());
        }
    }

    @Override
    public long trailMark() {
        return emulator.trailMark();
    }

    @Override
    public List<Hop> hopsSince(long afterSeq) {
        return emulator.trailSince(afterSeq).stream().map(Hop::of).toList();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
