package io.eventharness.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A bucket with {@code EventBridgeConfiguration} sends every object event to the default bus, as EventBridge's
 * {@code Object Created} / {@code Object Deleted} events shaped as AWS records them, so that rules with S3 patterns
 * (here: a key prefix) route them.
 */
class S3ToEventBridgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EventsFixture f;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        f = new EventsFixture();
        s3 = f.client(S3Client.builder().forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder()));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aRuleWithAnS3PatternGetsTheObjectEventsOfItsKeys() throws Exception {
        EventsFixture.Queue q = f.queue("s3-events");
        s3.createBucket(b -> b.bucket("uploads"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("uploads").notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket("uploads")).eventBridgeConfiguration()).isNotNull();
        f.events.putRule(b -> b.name("incoming").eventPattern("{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\",\"Object Deleted\"],"
                + "\"detail\":{\"bucket\":{\"name\":[\"uploads\"]},\"object\":{\"key\":[{\"prefix\":\"in/\"}]}}}"));
        f.events.putTargets(b -> b.rule("incoming").targets(t -> t.id("q").arn(q.arn())));

        s3.putObject(b -> b.bucket("uploads").key("in/red flower.jpg"), RequestBody.fromString("petals"));
        s3.putObject(b -> b.bucket("uploads").key("out/ignored.txt"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket("uploads").key("in/red flower.jpg"));

        List<JsonNode> got = f.drain(q).stream().map(m -> {
            try {
                return JSON.readTree(m.body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(got).extracting(e -> e.path("detail-type").asText()).containsExactly("Object Created", "Object Deleted");
        JsonNode created = got.get(0);
        assertThat(created.path("source").asText()).isEqualTo("aws.s3");
        assertThat(created.path("account").asText()).isEqualTo("000000000000");
        assertThat(created.path("region").asText()).isEqualTo("us-east-1");
        assertThat(created.path("resources").get(0).asText()).isEqualTo("arn:aws:s3:::uploads");
        JsonNode detail = created.path("detail");
        assertThat(detail.path("version").asText()).isEqualTo("0");
        assertThat(detail.path("object").path("key").asText()).isEqualTo("in/red flower.jpg"); // as stored, not URL-encoded
        assertThat(detail.path("object").path("size").asInt()).isEqualTo(6);
        assertThat(detail.path("object").path("etag").asText()).matches("[0-9a-f]{32}");
        assertThat(detail.path("reason").asText()).isEqualTo("PutObject");
        JsonNode deleted = got.get(1).path("detail");
        assertThat(deleted.path("deletion-type").asText()).isEqualTo("Permanently Deleted");
        assertThat(deleted.path("reason").asText()).isEqualTo("DeleteObject");
        assertThat(deleted.path("object").has("size")).isFalse();
    }

    @Test
    void anObjectEventThatNoRuleMatchesIsAHopFromItsBucketOnTheTrail() {
        s3.createBucket(b -> b.bucket("unrouted"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("unrouted").notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
        long mark = f.emulator.trail().lastSeq();

        s3.putObject(b -> b.bucket("unrouted").key("nobody/wants.txt"), RequestBody.fromString("x"));

        assertThat(f.emulator.trail().since(mark)).filteredOn(e -> e.kind().equals("events:Event"))
                .singleElement().satisfies(e -> {
                    assertThat(e.source()).as("the event's first resource: the story of the bucket's test tells it").isEqualTo("arn:aws:s3:::unrouted");
                    assertThat(e.target()).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/default");
                    assertThat(e.outcome()).isEqualTo("matched no enabled rule");
                    assertThat(e.summary()).contains("Object Created");
                });
    }
}
