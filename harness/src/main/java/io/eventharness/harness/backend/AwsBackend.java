package io.eventharness.harness.backend;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * A real AWS account, through the default credentials chain and region. Every resource the harness
 * creates carries the run prefix and is deleted after its test.
 */
public final class AwsBackend implements Backend {
    private final Region region;
    private final AwsCredentialsProvider credentials;

    public AwsBackend() {
        Region r;
        try {
            r = new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            throw new IllegalStateException("harness.backend=aws needs a region: set AWS_REGION or a profile region", e);
        }
        this.region = r;
        this.credentials = DefaultCredentialsProvider.builder().build();
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
