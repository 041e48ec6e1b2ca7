package io.eventharness.emulator.sns;

import static io.eventharness.emulator.sns.SnsFixture.array;
import static io.eventharness.emulator.sns.SnsFixture.attrs;
import static io.eventharness.emulator.sns.SnsFixture.json;
import static io.eventharness.emulator.sns.SnsFixture.number;
import static io.eventharness.emulator.sns.SnsFixture.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.delivery.TrailEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** What SQS subscribers receive: envelopes, raw messages, FIFO order and deduplication, dead letters, the trail. */
class SnsDeliveryTest {
    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private final SnsFixture f = new SnsFixture();

    @Test
    void envelopeOfAPlainMessage() {
        String topic = f.topic();
        String q = f.queue();
        String sub = f.subscribe(topic, q, Map.of());
        Instant before = TestAws.emulator().clock().now().minusMillis(1);
        PublishResponse p = f.sns.publish(b -> b.topicArn(topic).message("hello"));
        List<Message> got = f.drain(q);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).messageAttributes()).as("the envelope carries the attributes, SQS gets none").isEmpty();
        JsonNode e = json(got.get(0).body());
        List<String> keys = new ArrayList<>();
        e.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("Type", "MessageId", "TopicArn", "Message", "Timestamp", "SignatureVersion", "Signature",
                "SigningCertURL", "UnsubscribeURL");
        assertThat(e.path("Type").asText()).isEqualTo("Notification");
        assertThat(e.path("MessageId").asText()).isEqualTo(p.messageId());
        assertThat(e.path("TopicArn").asText()).isEqualTo(topic);
        assertThat(e.path("Message").asText()).isEqualTo("hello");
        assertThat(e.path("Timestamp").asText()).matches(ISO_MILLIS);
        assertThat(Instant.parse(e.path("Timestamp").asText())).isAfter(before);
        assertThat(e.path("SignatureVersion").asText()).isEqualTo("1");
        assertThat(Base64.getDecoder().decode(e.path("Signature").asText())).hasSize(256);
        assertThat(e.path("SigningCertURL").asText()).matches("https://sns\\.us-east-1\\.amazonaws\\.com/SimpleNotificationService-[0-9a-f]+\\.pem");
        assertThat(e.path("UnsubscribeURL").asText())
                .isEqualTo("https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + sub);
    }

    @Test
    void envelopeWithSubjectAndEveryAttributeType() {
        String topic = f.topic();
        String q = f.queue();
        f.subscribe(topic, q, Map.of());
        byte[] bytes = {1, 2, 3};
        f.sns.publish(b -> b.topicArn(topic).subject("Order paid").message("{\"id\":7}").messageAttributes(attrs(
                "s", string("text"), "n", number("12.5"), "a", array("[\"x\",1]"),
                "b", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(bytes)).build(),
                "c", MessageAttributeValue.builder().dataType("String.custom").stringValue("v").build())));
        JsonNode e = json(f.drain(q).get(0).body());
        assertThat(e.path("Subject").asText()).isEqualTo("Order paid");
        assertThat(e.path("Message").asText()).isEqualTo("{\"id\":7}");
        JsonNode a = e.path("MessageAttributes");
        assertThat(a.size()).isEqualTo(5);
        assertThat(a.path("s").toString()).isEqualTo("{\"Type\":\"String\",\"Value\":\"text\"}");
        assertThat(a.path("n").toString()).isEqualTo("{\"Type\":\"Number\",\"Value\":\"12.5\"}");
        assertThat(a.path("a").toString()).isEqualTo("{\"Type\":\"String.Array\",\"Value\":\"[\\\"x\\\",1]\"}");
        assertThat(a.path("b").toString()).isEqualTo("{\"Type\":\"Binary\",\"Value\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}");
        assertThat(a.path("c").path("Type").asText()).isEqualTo("String.custom");
    }

    @Test
    void signatureVersionFollowsTheTopic() {
        String topic = f.topic();
        String q = f.queue();
        f.subscribe(topic, q, Map.of());
        f.sns.setTopicAttributes(b -> b.topicArn(topic).attributeName("SignatureVersion").attributeValue("2"));
        f.sns.publish(b -> b.topicArn(topic).message("m"));
        assertThat(json(f.drain(q).get(0).body()).path("SignatureVersion").asText()).isEqualTo("2");
    }

    @Test
    void rawDeliveryPassesTheMessageAndItsAttributes() {
        String topic = f.topic();
        String q = f.queue();
        f.subscribe(topic, q, Map.of("RawMessageDelivery", "true"));
        f.sns.publish(b -> b.topicArn(topic).subject("ignored").message("just the body").messageAttributes(attrs(
                "s", string("text"), "n", number("3"), "a", array("[\"x\"]"),
                "b", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("bin")).build())));
        Message m = f.drain(q).get(0);
        assertThat(m.body()).isEqualTo("just the body");
        var a = m.messageAttributes();
        assertThat(a).containsOnlyKeys("s", "n", "a", "b");
        assertThat(a.get("s").dataType()).isEqualTo("String");
        assertThat(a.get("s").stringValue()).isEqualTo("text");
        assertThat(a.get("n").dataType()).isEqualTo("Number");
        assertThat(a.get("n").stringValue()).isEqualTo("3");
        assertThat(a.get("a").dataType()).isEqualTo("String.Array");
        assertThat(a.get("a").stringValue()).isEqualTo("[\"x\"]");
        assertThat(a.get("b").dataType()).isEqualTo("Binary");
        assertThat(a.get("b").binaryValue().asUtf8String()).isEqualTo("bin");
    }

    @Test
    void messageStructureJsonGivesEachProtocolItsMessage() {
        String topic = f.topic();
        String q = f.queue();
        String raw = f.queue();
        f.subscribe(topic, q, Map.of());
        f.subscribe(topic, raw, Map.of("RawMessageDelivery", "true"));
        f.sns.publish(b -> b.topicArn(topic).messageStructure("json").message("{\"default\":\"for all\",\"sqs\":\"for queues\"}"));
        assertThat(json(f.drain(q).get(0).body()).path("Message").asText()).isEqualTo("for queues");
        assertThat(f.drain(raw).get(0).body()).isEqualTo("for queues");

        String only = f.topic();
        String q2 = f.queue();
        f.subscribe(only, q2, Map.of());
        f.sns.publish(b -> b.topicArn(only).messageStructure("json").message("{\"default\":\"fallback\",\"lambda\":\"not mine\"}"));
        assertThat(json(f.drain(q2).get(0).body()).path("Message").asText()).isEqualTo("fallback");
    }

    @Test
    void fanOutToEverySubscription() {
        String topic = f.topic();
        List<String> queues = List.of(f.queue(), f.queue(), f.queue());
        queues.forEach(q -> f.subscribe(topic, q, Map.of()));
        String id = f.sns.publish(b -> b.topicArn(topic).message("all of you")).messageId();
        for (String q : queues) {
            assertThat(json(f.drain(q).get(0).body()).path("MessageId").asText()).isEqualTo(id);
        }
    }

    @Test
    void fifoTopicToFifoQueueKeepsOrderGroupsAndSequenceNumbers() {
        String topic = f.fifoTopic(false);
        String q = f.fifoQueue();
        f.subscribe(topic, q, Map.of());
        List<String> sequence = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            PublishResponse p = f.sns.publish(b -> b.topicArn(topic).message("m" + n).messageGroupId(n % 2 == 0 ? "even" : "odd")
                    .messageDeduplicationId("d" + n));
            assertThat(p.sequenceNumber()).hasSize(20);
            sequence.add(p.sequenceNumber());
        }
        assertThat(sequence).isSorted().doesNotHaveDuplicates();
        List<Message> got = new ArrayList<>();
        for (int i = 0; i < 6 && got.size() < 6; i++) {
            List<Message> batch = f.drain(q);
            got.addAll(batch);
            batch.forEach(m -> f.sqs.deleteMessage(b -> b.queueUrl(q).receiptHandle(m.receiptHandle())));
        }
        assertThat(got).hasSize(6);
        List<String> even = got.stream().filter(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID).equals("even"))
                .map(m -> json(m.body()).path("Message").asText()).toList();
        List<String> odd = got.stream().filter(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID).equals("odd"))
                .map(m -> json(m.body()).path("Message").asText()).toList();
        assertThat(even).containsExactly("m0", "m2", "m4");
        assertThat(odd).containsExactly("m1", "m3", "m5");
        Message first = got.stream().filter(m -> json(m.body()).path("Message").asText().equals("m0")).findFirst().orElseThrow();
        assertThat(first.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).isEqualTo("d0");
        JsonNode e = json(first.body());
        List<String> keys = new ArrayList<>();
        e.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as("FIFO envelopes carry the sequence number and no signature")
                .containsExactly("Type", "MessageId", "SequenceNumber", "TopicArn", "Message", "Timestamp", "UnsubscribeURL");
        assertThat(e.path("SequenceNumber").asText()).isEqualTo(sequence.get(0));
    }

    @Test
    void concurrentPublishersToAFifoTopicAreDeliveredInSequenceOrder() {
        String topic = f.fifoTopic(true);
        String q = f.fifoQueue();
        f.subscribe(topic, q, Map.of());
        var async = TestAws.snsAsync();
        List<java.util.concurrent.CompletableFuture<PublishResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            calls.add(async.publish(b -> b.topicArn(topic).message("m" + n).messageGroupId("g")));
        }
        calls.forEach(java.util.concurrent.CompletableFuture::join); // every delivery is done once every Publish returned
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 10 && received.size() < 30; i++) {
            List<Message> batch = f.drain(q);
            batch.forEach(m -> received.add(json(m.body()).path("SequenceNumber").asText()));
            batch.forEach(m -> f.sqs.deleteMessage(b -> b.queueUrl(q).receiptHandle(m.receiptHandle())));
        }
        assertThat(received).hasSize(30).isSorted()
                .containsExactlyInAnyOrderElementsOf(calls.stream().map(c -> c.join().sequenceNumber()).toList());
    }

    @Test
    void fifoTopicDeduplicatesForFiveMinutes() {
        String topic = f.fifoTopic(false);
        String q = f.fifoQueue();
        f.subscribe(topic, q, Map.of("RawMessageDelivery", "true"));
        PublishResponse first = f.sns.publish(b -> b.topicArn(topic).message("once").messageGroupId("g").messageDeduplicationId("same"));
        PublishResponse again = f.sns.publish(b -> b.topicArn(topic).message("once more").messageGroupId("g").messageDeduplicationId("same"));
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.sequenceNumber()).isEqualTo(first.sequenceNumber());
        List<Message> got = f.drain(q);
        assertThat(got).extracting(Message::body).containsExactly("once");
        f.sqs.deleteMessage(b -> b.queueUrl(q).receiptHandle(got.get(0).receiptHandle()));

        TestAws.emulator().clock().advance(Duration.ofMinutes(6));
        PublishResponse later = f.sns.publish(b -> b.topicArn(topic).message("again").messageGroupId("g").messageDeduplicationId("same"));
        assertThat(later.messageId()).isNotEqualTo(first.messageId());
        assertThat(f.drain(q)).extracting(Message::body).containsExactly("again");
    }

    @Test
    void contentBasedDeduplicationHashesTheMessage() {
        String topic = f.fifoTopic(true);
        String q = f.fifoQueue();
        f.subscribe(topic, q, Map.of("RawMessageDelivery", "true"));
        PublishResponse a = f.sns.publish(b -> b.topicArn(topic).message("same body").messageGroupId("g"));
        PublishResponse b2 = f.sns.publish(b -> b.topicArn(topic).message("same body").messageGroupId("other"));
        f.sns.publish(b -> b.topicArn(topic).message("different body").messageGroupId("g"));
        assertThat(b2.messageId()).isEqualTo(a.messageId());
        List<Message> got = f.drain(q);
        assertThat(got).extracting(Message::body).containsExactly("same body", "different body");
        assertThat(got.get(0).attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).hasSize(64);
    }

    @Test
    void fifoTopicAlsoDeliversToStandardQueues() {
        String topic = f.fifoTopic(true);
        String q = f.queue();
        f.subscribe(topic, q, Map.of());
        f.sns.publish(b -> b.topicArn(topic).message("x").messageGroupId("g"));
        List<Message> got = f.drain(q);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).attributes()).doesNotContainKey(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }

    @Test
    void aFailedDeliveryGoesToTheRedriveQueue() {
        String topic = f.topic();
        String gone = f.queue();
        String dlq = f.queue();
        String dlqArn = f.arnOf(dlq);
        String goneArn = f.arnOf(gone);
        String sub = f.subscribe(topic, gone, Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\"}"));
        f.sqs.deleteQueue(b -> b.queueUrl(gone));
        long since = TestAws.emulator().trail().lastSeq();
        String id = f.sns.publish(b -> b.topicArn(topic).message("lost?")).messageId();
        List<Message> dead = f.drain(dlq);
        assertThat(dead).hasSize(1);
        JsonNode e = json(dead.get(0).body());
        assertThat(e.path("MessageId").asText()).isEqualTo(id);
        assertThat(e.path("Message").asText()).isEqualTo("lost?");
        List<TrailEntry> trail = TestAws.emulator().trail().since(since);
        assertThat(trail).anySatisfy(t -> {
            assertThat(t.source()).isEqualTo(topic);
            assertThat(t.target()).isEqualTo(goneArn);
            assertThat(t.outcome()).startsWith("failed");
        });
        assertThat(trail).anySatisfy(t -> {
            assertThat(t.source()).isEqualTo(sub);
            assertThat(t.target()).isEqualTo(dlqArn);
            assertThat(t.kind()).isEqualTo("sns:DeadLetter");
            assertThat(t.outcome()).isEqualTo("delivered");
        });
    }

    @Test
    void aFailedDeliveryWithoutRedriveIsRecordedAndThePublisherSucceeds() {
        String topic = f.topic();
        String gone = f.queue();
        String goneArn = f.arnOf(gone);
        String alive = f.queue();
        f.subscribe(topic, gone, Map.of());
        f.subscribe(topic, alive, Map.of());
        f.sqs.deleteQueue(b -> b.queueUrl(gone));
        long since = TestAws.emulator().trail().lastSeq();
        f.sns.publish(b -> b.topicArn(topic).message("still fine"));
        assertThat(f.drain(alive)).hasSize(1);
        assertThat(TestAws.emulator().trail().since(since)).anySatisfy(t -> {
            assertThat(t.target()).isEqualTo(goneArn);
            assertThat(t.outcome()).startsWith("failed");
        });
    }

    @Test
    void theTrailRecordsEachDelivery() {
        String topic = f.topic();
        String q = f.queue();
        String queueArn = f.arnOf(q);
        f.subscribe(topic, q, Map.of());
        long since = TestAws.emulator().trail().lastSeq();
        f.sns.publish(b -> b.topicArn(topic).message("traced"));
        List<TrailEntry> entries = TestAws.emulator().trail().since(since);
        assertThat(entries).hasSize(1);
        TrailEntry t = entries.get(0);
        assertThat(t.source()).isEqualTo(topic);
        assertThat(t.target()).isEqualTo(queueArn);
        assertThat(t.kind()).isEqualTo("sns:Notification");
        assertThat(t.outcome()).isEqualTo("delivered");
        assertThat(t.summary()).contains("\"Message\":\"traced\"");

        String empty = f.topic();
        f.sns.publish(b -> b.topicArn(empty).message("nobody"));
        assertThat(TestAws.emulator().trail().matching(e -> e.source().equals(empty)))
                .extracting(TrailEntry::outcome).containsExactly("no confirmed subscriptions");
    }

    @Test
    void pendingSubscriptionsGetNothingAndOtherProtocolsAreRecorded() {
        String topic = f.topic();
        f.sns.subscribe(b -> b.topicArn(topic).protocol("https").endpoint("https://example.com/pending"));
        f.sns.subscribe(b -> b.topicArn(topic).protocol("sms").endpoint("+15555550100"));
        long since = TestAws.emulator().trail().lastSeq();
        f.sns.publish(b -> b.topicArn(topic).message("hi"));
        List<TrailEntry> entries = TestAws.emulator().trail().since(since);
        assertThat(entries).extracting(TrailEntry::target).containsExactly("+15555550100");
        assertThat(entries.get(0).outcome()).isEqualTo("not delivered: sms endpoints are not emulated");
    }

    @Test
    void aLambdaSubscriptionToAMissingFunctionFailsIntoItsRedriveQueue() {
        String topic = f.topic();
        String fn = "arn:aws:lambda:us-east-1:000000000000:function:" + TestAws.unique("fn");
        String dlq = f.queue();
        String dlqArn = f.arnOf(dlq);
        f.sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(fn)
                .attributes(Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\"}")));
        long since = TestAws.emulator().trail().lastSeq();
        f.sns.publish(b -> b.topicArn(topic).message("for the function"));
        List<TrailEntry> entries = TestAws.emulator().trail().since(since);
        assertThat(entries.get(0).target()).isEqualTo(fn);
        assertThat(entries.get(0).summary()).startsWith("{\"Records\":[{\"EventSource\":\"aws:sns\"");
        assertThat(entries.get(0).outcome()).startsWith("failed");
        assertThat(json(f.drain(dlq).get(0).body()).path("Message").asText()).isEqualTo("for the function");
    }

    @Test
    void rawDeliveryOfMoreThanTenAttributesFailsAsAClientSideErrorWhileTheEnvelopeCarriesThemAll() {
        String topic = f.topic();
        String raw = f.queue();
        String rawArn = f.arnOf(raw);
        String enveloped = f.queue();
        f.subscribe(topic, raw, Map.of("RawMessageDelivery", "true"));
        f.subscribe(topic, enveloped, Map.of());
        Map<String, MessageAttributeValue> eleven = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 11; i++) {
            eleven.put("a" + i, SnsFixture.string("v" + i));
        }
        long since = TestAws.emulator().trail().lastSeq();

        f.sns.publish(b -> b.topicArn(topic).message("many attributes").messageAttributes(eleven));

        assertThat(f.drain(raw)).as("SQS takes at most ten attributes").isEmpty();
        assertThat(TestAws.emulator().trail().since(since)).anySatisfy(t -> {
            assertThat(t.target()).isEqualTo(rawArn);
            assertThat(t.outcome()).startsWith("failed").contains("Number of message attributes [11] exceeds the allowed maximum [10]");
        });
        assertThat(json(f.drain(enveloped).get(0).body()).path("MessageAttributes").size()).isEqualTo(11);
    }
}
