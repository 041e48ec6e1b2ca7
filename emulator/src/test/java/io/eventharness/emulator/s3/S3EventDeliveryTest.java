package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.s3.EventFixture.Queue;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

/**
 * S3 event notifications delivered, through unmodified SDK clients: every object event to a queue and through a
 * topic, records shaped as AWS records them ("Event message structure"), filters, several configurations, the
 * test message on save, key encoding and the sequencer.
 */
class S3EventDeliveryTest {
    private final S3Client s3 = TestAws.s3();
    private final EventFixture fixture = EventFixture.shared();

    private String bucket() {
        String name = TestAws.unique("events");
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    private void notify(String bucket, QueueConfiguration... queues) {
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n.queueConfigurations(queues)));
    }

    private static QueueConfiguration to(Queue q, String id, String... events) {
        return QueueConfiguration.builder().id(id).queueArn(q.arn()).eventsWithStrings(events).build();
    }

    private void put(String bucket, String key, String body) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    @Test
    void aPutArrivesAsAwsRecordsIt() {
        String bucket = bucket();
        Queue q = fixture.queue(bucket);
        notify(bucket, to(q, "on-put", "s3:ObjectCreated:*"));
        fixture.drain(q); // the test message

        String requestId = s3.putObject(b -> b.bucket(bucket).key("my_key_0"), RequestBody.fromString("something"))
                .responseMetadata().requestId();

        JsonNode r = fixture.records(q).get(0);
        assertThat(fieldNames(r)).containsExactly("eventVersion", "eventSource", "awsRegion", "eventTime", "eventName",
                "userIdentity", "requestParameters", "responseElements", "s3");
        assertThat(r.path("eventVersion").asText()).isEqualTo("2.1");
        assertThat(r.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(r.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(r.path("eventTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(r.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(r.path("userIdentity").path("principalId").asText()).matches("[A-Z0-9]+");
        assertThat(r.path("requestParameters").path("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(r.path("responseElements").path("x-amz-request-id").asText()).isEqualTo(requestId);
        assertThat(r.path("responseElements").has("x-amz-id-2")).isTrue();
        JsonNode s = r.path("s3");
        assertThat(fieldNames(s)).containsExactly("s3SchemaVersion", "configurationId", "bucket", "object");
        assertThat(s.path("s3SchemaVersion").asText()).isEqualTo("1.0");
        assertThat(s.path("configurationId").asText()).isEqualTo("on-put");
        assertThat(s.path("bucket").path("name").asText()).isEqualTo(bucket);
        assertThat(s.path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::" + bucket);
        assertThat(s.path("bucket").path("ownerIdentity").path("principalId").asText()).isNotBlank();
        JsonNode o = s.path("object");
        assertThat(fieldNames(o)).containsExactly("key", "size", "eTag", "sequencer");
        assertThat(o.path("key").asText()).isEqualTo("my_key_0");
        assertThat(o.path("size").isIntegralNumber()).isTrue();
        assertThat(o.path("size").asLong()).isEqualTo(9);
        assertThat(o.path("eTag").asText()).isEqualTo("437b930db84b8079c2dd804a71936b5f"); // as AWS recorded it for "something"
        assertThat(o.path("sequencer").asText()).matches("[0-9A-F]{18}");
    }

    @Test
    void everyCreatedAndRemovedEventHasItsName() {
        String bucket = bucket();
        Queue q = fixture.queue(bucket);
        notify(bucket, to(q, "all", "s3:ObjectCreated:*", "s3:ObjectRemoved:*"));
        fixture.drain(q);

        put(bucket, "a", "one");
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("a").destinationBucket(bucket).destinationKey("b"));
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key("c")).uploadId();
        String etag = s3.uploadPart(b -> b.bucket(bucket).key("c").uploadId(upload).partNumber(1), RequestBody.fromString("part"))
                .eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("c").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        s3.deleteObject(b -> b.bucket(bucket).key("a"));
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(o -> o.key("b"), o -> o.key("c"))));
        s3.deleteObject(b -> b.bucket(bucket).key("never-there")); // removes nothing: no event

        List<JsonNode> records = fixture.records(q);
        assertThat(records).extracting(r -> r.path("eventName").asText() + " " + r.path("s3").path("object").path("key").asText())
                .containsExactly("ObjectCreated:Put a", "ObjectCreated:Copy b", "ObjectCreated:CompleteMultipartUpload c",
                        "ObjectRemoved:Delete a", "ObjectRemoved:Delete b", "ObjectRemoved:Delete c");
        assertThat(records.get(2).path("s3").path("object").path("eTag").asText()).endsWith("-1");
        // a removal's object carries only the key and the sequencer (AWS's recording of ObjectRemoved:Delete)
        assertThat(fieldNames(records.get(3).path("s3").path("object"))).containsExactly("key", "sequencer");
    }

    @Test
    void theTestEventReachesQueuesAndTopicsWhenAConfigurationIsSaved() {
        String bucket = bucket();
        Queue q = fixture.queue(bucket);
        Queue viaTopic = fixture.queue(null);
        String topic = fixture.topicInto(viaTopic, bucket);
        String requestId = s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(to(q, "q", "s3:ObjectCreated:*"))
                .topicConfigurations(t -> t.topicArn(topic).events(Event.S3_OBJECT_REMOVED)))).responseMetadata().requestId();

        assertThat(fixture.drain(q)).singleElement().satisfies(m -> {
            assertThat(fieldNames(m)).containsExactly("Service", "Event", "Time", "Bucket", "RequestId", "HostId");
            assertThat(m.path("Service").asText()).isEqualTo("Amazon S3");
            assertThat(m.path("Event").asText()).isEqualTo("s3:TestEvent");
            assertThat(m.path("Bucket").asText()).isEqualTo(bucket);
            assertThat(m.path("RequestId").asText()).isEqualTo(requestId);
        });
        assertThat(fixture.drain(viaTopic)).singleElement().satisfies(n -> {
            assertThat(n.path("TopicArn").asText()).isEqualTo(topic);
            assertThat(n.path("Subject").asText()).isEqualTo("Amazon S3 Notification");
            assertThat(EventFixture.parse(n.path("Message").asText()).path("Event").asText()).isEqualTo("s3:TestEvent");
        });
    }

    @Test
    void aTopicPassesTheRecordsOn() {
        String bucket = bucket();
        Queue subscriber = fixture.queue(null);
        String topic = fixture.topicInto(subscriber, bucket);
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .topicConfigurations(t -> t.id("to-topic").topicArn(topic).events(Event.S3_OBJECT_CREATED_PUT))));
        fixture.drain(subscriber);

        put(bucket, "bucket-key", "hello world");

        List<JsonNode> notifications = fixture.drain(subscriber);
        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.path("Type").asText()).isEqualTo("Notification");
            assertThat(n.path("Subject").asText()).as("AWS's recording").isEqualTo("Amazon S3 Notification");
            JsonNode r = EventFixture.parse(n.path("Message").asText()).path("Records").get(0);
            assertThat(r.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
            assertThat(r.path("s3").path("configurationId").asText()).isEqualTo("to-topic");
            assertThat(r.path("s3").path("object").path("size").asLong()).isEqualTo(11);
        });
    }

    @Test
    void filtersMatchPrefixAndSuffixWhateverTheCaseOfTheirNamesButKeysExactly() {
        String bucket = bucket();
        Queue q = fixture.queue(bucket);
        notify(bucket, QueueConfiguration.builder().queueArn(q.arn()).eventsWithStrings("s3:ObjectCreated:*")
                .filter(f -> f.key(k -> k.filterRules(FilterRule.builder().name("PREFIX").value("notif-").build(),
                        FilterRule.builder().name("suffix").value(".txt").build()))).build());
        fixture.drain(q);
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).queueConfigurations().get(0).filter().key()
                .filterRules()).extracting(FilterRule::nameAsString).containsExactly("Prefix", "Suffix");

        for (String key : List.of("notif-1.txt", "Notif-2.txt", "notif-3.TXT", "other-4.txt", "notif-5.txt.gz", "notif-6.txt")) {
            put(bucket, key, "x");
        }

        assertThat(fixture.records(q)).extracting(r -> r.path("s3").path("object").path("key").asText())
                .containsExactly("notif-1.txt", "notif-6.txt");
    }

    @Test
    void eachMatchingConfigurationGetsItsOwnRecord() {
        String bucket = bucket();
        Queue images = fixture.queue(bucket);
        Queue removals = fixture.queue(bucket);
        notify(bucket,
                to(images, "images", "s3:ObjectCreated:Put").toBuilder()
                        .filter(f -> f.key(k -> k.filterRules(r -> r.name("prefix").value("images/")))).build(),
                to(images, "documents", "s3:ObjectCreated:Put").toBuilder()
                        .filter(f -> f.key(k -> k.filterRules(r -> r.name("prefix").value("docs/")))).build(),
                to(removals, "gone", "s3:ObjectRemoved:Delete"));
        fixture.drain(images);
        fixture.drain(removals);

        put(bucket, "images/a.png", "png");
        put(bucket, "docs/b.pdf", "pdf");
        put(bucket, "other/c", "c");
        s3.deleteObject(b -> b.bucket(bucket).key("docs/b.pdf"));

        assertThat(fixture.records(images)).extracting(r -> r.path("s3").path("configurationId").asText() + " "
                + r.path("s3").path("object").path("key").asText()).containsExactly("images images%2Fa.png", "documents docs%2Fb.pdf");
        assertThat(fixture.records(removals)).extracting(r -> r.path("s3").path("configurationId").asText())
                .containsExactly("gone");
    }

    @Test
    void keysAreFormEncodedWithPlusForSpace() {
        String bucket = bucket();
        Queue q = fixture.queue(bucket);
        notify(bucket, to(q, "keys", "s3:ObjectCreated:*"));
        fixture.drain(q);

        put(bucket, "a@b", "x");
        put(bucket, "red flower.jpg", "x");
        put(bucket, "dir/ünï çødé+(1)*~.txt", "x");

        assertThat(fixture.records(q)).extracting(r -> r.path("s3").path("object").path("key").asText())
                .containsExactly("a%40b", "red+flower.jpg", "dir%2F%C3%BCn%C3%AF+%C3%A7%C3%B8d%C3%A9%2B%281%29*%7E.txt");
    }

    @Test
    void theSequencerOfOneKeyGrowsWithEachChange() {
        String bucket = bucket();
        Queue q = fixture.queue(bucket);
        notify(bucket, to(q, "seq", "s3:ObjectCreated:*", "s3:ObjectRemoved:*"));
        fixture.drain(q);

        put(bucket, "k", "1");
        put(bucket, "k", "2");
        s3.deleteObject(b -> b.bucket(bucket).key("k"));
        put(bucket, "k", "3");

        List<String> sequencers = fixture.records(q).stream().map(r -> r.path("s3").path("object").path("sequencer").asText()).toList();
        assertThat(sequencers).hasSize(4).isSorted().doesNotHaveDuplicates();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
