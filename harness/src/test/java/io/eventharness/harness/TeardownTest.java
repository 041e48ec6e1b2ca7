package io.eventharness.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.harness.backend.Backend;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Teardown: what is gone already is fine, what cannot be deleted is reported, never swallowed. */
@EventHarness
class TeardownTest {

    @Test
    void aResourceDeletedByTheTestItselfIsNotALeak(Harness harness) {
        try (Cloud cloud = harness.newCloud("gone")) {
            String url = cloud.sqs().createQueue(b -> b.queueName(cloud.name("q"))).queueUrl();
            String bucket = cloud.name("b");
            cloud.s3().createBucket(b -> b.bucket(bucket));
            cloud.sqs().deleteQueue(b -> b.queueUrl(url));
            cloud.s3().deleteBucket(b -> b.bucket(bucket));

            List<Teardown.Leak> leaks = Teardown.run(harness.adminClients(), List.of(
                    new Resources.Created(Resources.Kind.QUEUE, url), new Resources.Created(Resources.Kind.BUCKET, bucket),
                    new Resources.Created(Resources.Kind.FUNCTION, cloud.name("never-made"))));

            assertThat(leaks).isEmpty();
        }
    }

    /** A backend nobody answers for: every delete fails. */
    record Unreachable(int port) implements Backend {
        @Override
        public String name() {
            return "aws";
        }

        @Override
        public Optional<URI> endpoint() {
            return Optional.of(URI.create("http://127.0.0.1:" + port));
        }

        @Override
        public Region region() {
            return Region.US_EAST_1;
        }

        @Override
        public AwsCredentialsProvider credentials() {
            return AnonymousCredentialsProvider.create();
        }

        @Override
        public void close() {
            // nothing runs
        }
    }

    @Test
    void aResourceThatCannotBeDeletedIsReportedAndListedForTheEndOfTheRun() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (Harness h = Harness.over(new Unreachable(closedPort), "leaky")) {
            Cloud cloud = h.newCloud("a test");
            String queue = "http://127.0.0.1:" + closedPort + "/000000000000/orders";

            List<Teardown.Leak> leaks = Teardown.run(h.adminClients(), List.of(new Resources.Created(Resources.Kind.QUEUE, queue)));

            assertThat(leaks).singleElement().satisfies(l -> {
                assertThat(l.resource().id()).isEqualTo(queue);
                assertThat(l.toString()).startsWith("QUEUE " + queue).contains("SdkClientException");
            });
            h.leftBehind("a test", leaks.stream().map(Object::toString).toList());
            assertThat(h.leftBehind()).singleElement().asString().startsWith("QUEUE " + queue).endsWith("[a test]");
            assertThat(cloud.namePrefix()).startsWith("leaky-");
        }
    }
}
