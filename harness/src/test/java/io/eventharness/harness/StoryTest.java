package io.eventharness.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.harness.backend.Backend;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** What the failure story keeps, and what it says on backends without a trail. */
@EventHarness
class StoryTest {

    @Test
    void aHopConcernsTheTestWhenAPartOfItsSourceOrTargetIsOneOfItsResources() {
        Set<String> created = Set.of("orders", "plain-fn");
        assertThat(Story.concerns("arn:aws:sqs:us-east-1:000000000000:eh1-3-work", "eh1-3-", created)).isTrue();
        assertThat(Story.concerns("arn:aws:lambda:us-east-1:000000000000:function:plain-fn:$LATEST", "eh1-3-", created)).isTrue();
        assertThat(Story.concerns("http://127.0.0.1:4566/000000000000/orders", "eh1-3-", created)).isTrue();
        assertThat(Story.concerns("arn:aws:sqs:us-east-1:000000000000:eh1-31-work", "eh1-3-", created))
                .as("another test's prefix that merely starts the same").isFalse();
        assertThat(Story.concerns("arn:aws:sqs:us-east-1:000000000000:orders-2", "eh1-3-", created)).isFalse();
        assertThat(Story.concerns("Invoke API", "eh1-3-", created)).isFalse();
        assertThat(Story.shortName("http://127.0.0.1:4566/000000000000/orders")).isEqualTo("orders");
        assertThat(Story.shortName("arn:aws:sns:us-east-1:000000000000:alerts")).isEqualTo("alerts");
    }

    /** The embedded emulator under another backend's name, as LocalStack or AWS look to the story. */
    record Renamed(Backend inner, String name) implements Backend {
        @Override
        public Optional<URI> endpoint() {
            return inner.endpoint();
        }

        @Override
        public Region region() {
            return inner.region();
        }

        @Override
        public AwsCredentialsProvider credentials() {
            return inner.credentials();
        }

        @Override
        public void close() {
            // the inner backend belongs to the shared harness
        }
    }

    @Test
    void onBackendsWithoutATrailTheStorySaysSo(Harness harness) {
        try (Harness remote = Harness.over(new Renamed(harness.backend(), "localstack"), "story");
             Cloud cloud = remote.newCloud("no trail")) {
            assertThat(cloud.story()).startsWith("Event trail: not available on this backend (localstack)");
            assertThat(cloud.await().polling().first()).as("remote backends poll less often").hasMillis(200);
        }
    }
}
