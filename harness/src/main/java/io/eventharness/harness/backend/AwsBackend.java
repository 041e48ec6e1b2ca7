package io.eventharness.harness.backend;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * A real AWS account, through the default credentials chain and region. Every resource the harness
 * creates carries the run prefix and is deleted after its test; without a region or credentials it
 * fails at once with a {@link BackendUnavailableException} that says what to set.
 *
 * <pre>{@code
 * AWS_PROFILE=sandbox AWS_REGION=eu-west-1 mvn -B verify -Dharness.backend=aws
 * }</pre>
 */
public final class AwsBackend implements Backend {
    private final Region region;
    private final AwsCredentialsProvider credentials;

    public AwsBackend() {
        this(() -> new DefaultAwsRegionProviderChain().getRegion(), DefaultCredentialsProvider.builder().build());
    }

    /** Over the given region source and credentials; both are checked now, not at the first call. */
    AwsBackend(Supplier<Region> region, AwsCredentialsProvider credentials) {
        try {
            this.region = region.get();
        } catch (RuntimeException e) {
            throw new BackendUnavailableException("harness.backend=aws needs a region, and none is configured: set AWS_REGION "
                    + "(or a region in your AWS profile), or run on the embedded backend. (" + e.getMessage() + ")");
        }
        try {
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            throw new BackendUnavailableException("harness.backend=aws needs AWS credentials, and the default chain found none: "
                    + "set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (see the README for the permissions the "
                    + "harness needs), or run on the embedded backend. (" + e.getMessage() + ")");
        }
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.empty();
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public void close() {
        // nothing to stop
    }
}
