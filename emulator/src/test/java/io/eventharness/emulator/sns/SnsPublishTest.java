package io.eventharness.emulator.sns;

import static io.eventharness.emulator.sns.SnsErrorAssert.assertError;
import static io.eventharness.emulator.sns.SnsFixture.attrs;
import static io.eventharness.emulator.sns.SnsFixture.json;
import static io.eventharness.emulator.sns.SnsFixture.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;

/** Publish and PublishBatch: what SNS accepts and how it refuses the rest. */
class SnsPublishTest {
    private final SnsFixture f = new SnsFixture();
    private final SnsClient sns = f.sns;

    @Test
    void publishByTopicArnOrTargetArn() {
        String topic = f.topic();
        String q = f.queue();
        f.subscribe(topic, q, Map.of());
        String a = sns.publish(b -> b.topicArn(topic).message("one")).messageId();
        String b2 = sns.publish(b -> b.targetArn(topic).message("two")).messageId();
        assertThat(a).isNotEqualTo(b2).matches("[0-9a-f-]{36}");
        assertThat(f.drain(q)).extracting(m -> json(m.body()).path("Message").asText()).containsExactlyInAnyOrder("one", "two");
        assertThat(sns.publish(b -> b.topicArn(topic).message("x")).sequenceNumber()).as("standard topics have none").isNull();
    }

    @Test
    void theAsyncClientPublishesToo() {
        SnsAsyncClient async = TestAws.snsAsync();
        String topic = async.createTopic(b -> b.name(TestAws.unique("async"))).join().topicArn();
        String q = f.queue();
        f.subscribe(topic, q, Map.of("RawMessageDelivery", "true"));
        async.publish(b -> b.topicArn(topic).message("from netty")).join();
        assertThat(f.drain(q)).extracting(m -> m.body()).containsExactly("from netty");
    }

    @Test
    void messageChecks() {
        String topic = f.topic();
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("")), InvalidParameterException.class, "InvalidParameter",
                "Invalid parameter: Empty message");
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("m").subject("")), InvalidParameterException.class,
                "InvalidParameter", "Invalid parameter: Subject");
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("m").subject("two\nlines")), InvalidParameterException.class,
                "InvalidParameter", "Invalid parameter: Subject");
        assertError(() -> sns.publish(b -> b.message("m")), InvalidParameterException.class, "InvalidParameter",
                "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        SnsException missing = assertError(() -> sns.publish(b -> b.topicArn(topic)), SnsException.class, "ValidationError",
                "Value null at 'message'");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("not json").messageStructure("json")),
                InvalidParameterException.class, "InvalidParameter", "Invalid parameter: Message Structure - JSON message body failed to parse");
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("{\"sqs\":\"x\"}").messageStructure("json")),
                InvalidParameterException.class, "InvalidParameter", "Invalid parameter: Message Structure - No default entry in JSON message body");
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("{\"default\":1}").messageStructure("json")),
                InvalidParameterException.class, "InvalidParameter", "No default entry");
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("m").messageDeduplicationId("d")),
                InvalidParameterException.class, "InvalidParameter", "MessageDeduplicationId");
    }

    @Test
    void theSizeLimitIs256KiBOfMessageAndAttributes() {
        String topic = f.topic();
        String q = f.queue();
        f.subscribe(topic, q, Map.of("RawMessageDelivery", "true"));
        String max = "x".repeat(262_144);
        sns.publish(b -> b.topicArn(topic).message(max));
        assertThat(f.drain(q).get(0).body()).hasSize(262_144);
        assertError(() -> sns.publish(b -> b.topicArn(topic).message(max + "x")), InvalidParameterException.class,
                "InvalidParameter", "Invalid parameter: Message too long");
        assertError(() -> sns.publish(b -> b.topicArn(topic).message(max.substring(10)).messageAttributes(attrs("k", string("0123456789")))),
                InvalidParameterException.class, "InvalidParameter", "Message too long");
    }

    @Test
    void messageAttributeChecks() {
        String topic = f.topic();
        Object[][] bad = {
                {attrs("k", MessageAttributeValue.builder().dataType("Text").stringValue("v").build()),
                        "The message attribute 'k' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String."},
                {attrs("k", MessageAttributeValue.builder().dataType("String").binaryValue(SdkBytes.fromUtf8String("b")).build()),
                        "The message attribute 'k' with type 'String' must use field 'String'."},
                {attrs("k", MessageAttributeValue.builder().dataType("Binary").stringValue("s").build()),
                        "The message attribute 'k' with type 'Binary' must use field 'Binary'."},
                {attrs("k", MessageAttributeValue.builder().dataType("String").stringValue("").build()),
                        "The message attribute 'k' must contain non-empty message attribute value for message attribute type 'String'."},
                {attrs("k", MessageAttributeValue.builder().dataType("Number").stringValue("ten").build()),
                        "Could not cast message attribute 'k' value to number."},
                {attrs("bad name", string("v")), "Invalid non-alphanumeric character '#x20' was found in the message attribute name."},
                {attrs(".k", string("v")), "Invalid message attribute name starting with character '.' was found."},
                {attrs("k.", string("v")), "Invalid message attribute name ending with character '.' was found."},
                {attrs("a..b", string("v")), "Message attribute name can not have successive '.' character."},
        };
        for (Object[] c : bad) {
            @SuppressWarnings("unchecked")
            Map<String, MessageAttributeValue> a = (Map<String, MessageAttributeValue>) c[0];
            assertError(() -> sns.publish(b -> b.topicArn(topic).message("m").messageAttributes(a)),
                    InvalidParameterValueException.class, "ParameterValueInvalid", (String) c[1]);
        }
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("m").messageAttributes(attrs("k",
                        MessageAttributeValue.builder().stringValue("v").build()))), SnsException.class, "ValidationError",
                "Value null at 'messageAttributes.k.member.dataType'");
    }

    @Test
    void fifoTopicChecks() {
        String topic = f.fifoTopic(false);
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("m").messageDeduplicationId("d")),
                InvalidParameterException.class, "InvalidParameter", "The MessageGroupId parameter is required for FIFO topics");
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("m").messageGroupId("g")), InvalidParameterException.class,
                "InvalidParameter", "The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        assertError(() -> sns.publish(b -> b.topicArn(topic).message("m").messageGroupId("g".repeat(129)).messageDeduplicationId("d")),
                InvalidParameterException.class, "InvalidParameter", "MessageGroupId");
        String s1 = sns.publish(b -> b.topicArn(topic).message("m").messageGroupId("g").messageDeduplicationId("d1")).sequenceNumber();
        String s2 = sns.publish(b -> b.topicArn(topic).message("m").messageGroupId("g").messageDeduplicationId("d2")).sequenceNumber();
        assertThat(s1).matches("\\d{20}");
        assertThat(s2).isGreaterThan(s1);
    }

    @Test
    void publishToAPhoneNumber() {
        long since = TestAws.emulator().trail().lastSeq();
        assertThat(sns.publish(b -> b.phoneNumber("+15555550123").message("code 1234")).messageId()).isNotBlank();
        assertThat(TestAws.emulator().trail().since(since)).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("+15555550123");
            assertThat(e.kind()).isEqualTo("sns:Sms");
        });
        assertError(() -> sns.publish(b -> b.phoneNumber("call me").message("m")), InvalidParameterException.class,
                "InvalidParameter", "Invalid parameter: PhoneNumber");
    }

    @Test
    void publishBatchDeliversEachEntryAndReportsFailuresPerEntry() {
        String topic = f.topic();
        String q = f.queue();
        f.subscribe(topic, q, Map.of("RawMessageDelivery", "true"));
        PublishBatchResponse r = sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("ok-1").message("first").messageAttributes(attrs("k", string("v"))).build(),
                PublishBatchRequestEntry.builder().id("empty").message("").build(),
                PublishBatchRequestEntry.builder().id("bad_attr").message("x")
                        .messageAttributes(attrs("k", MessageAttributeValue.builder().dataType("Nope").stringValue("v").build())).build(),
                PublishBatchRequestEntry.builder().id("ok-2").message("{\"default\":\"second\"}").messageStructure("json").build()));
        assertThat(r.successful()).extracting(e -> e.id()).containsExactly("ok-1", "ok-2");
        assertThat(r.successful()).allSatisfy(e -> assertThat(e.messageId()).isNotBlank());
        assertThat(r.failed()).extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code, BatchResultErrorEntry::senderFault)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("empty", "InvalidParameter", true),
                        org.assertj.core.groups.Tuple.tuple("bad_attr", "ParameterValueInvalid", true));
        assertThat(r.failed().get(0).message()).isEqualTo("Invalid parameter: Empty message");
        var got = f.drain(q);
        assertThat(got).extracting(m -> m.body()).containsExactlyInAnyOrder("first", "second");
        assertThat(got.stream().filter(m -> m.body().equals("first")).findFirst().orElseThrow().messageAttributes().get("k").stringValue())
                .isEqualTo("v");
    }

    @Test
    void publishBatchOnAFifoTopic() {
        String topic = f.fifoTopic(true);
        String q = f.fifoQueue();
        f.subscribe(topic, q, Map.of("RawMessageDelivery", "true"));
        PublishBatchResponse r = sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("1").messageGroupId("g").build(),
                PublishBatchRequestEntry.builder().id("b").message("2").messageGroupId("g").build(),
                PublishBatchRequestEntry.builder().id("c").message("3").build()));
        assertThat(r.successful()).extracting(e -> e.id()).containsExactly("a", "b");
        assertThat(r.successful().get(1).sequenceNumber()).isGreaterThan(r.successful().get(0).sequenceNumber());
        assertThat(r.failed()).extracting(BatchResultErrorEntry::id).containsExactly("c");
        assertThat(f.drain(q)).extracting(m -> m.body()).containsExactly("1", "2");
    }

    @Test
    void publishBatchErrors() {
        String topic = f.topic();
        List<PublishBatchRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(PublishBatchRequestEntry.builder().id("e" + i).message("m").build());
        }
        assertError(() -> sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(eleven)),
                TooManyEntriesInBatchRequestException.class, "TooManyEntriesInBatchRequest", "more entries than permissible");
        assertError(() -> sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(List.of())),
                EmptyBatchRequestException.class, "EmptyBatchRequest", "doesn't contain any entries");
        assertError(() -> sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                        PublishBatchRequestEntry.builder().id("same").message("m").build(),
                        PublishBatchRequestEntry.builder().id("same").message("m").build())),
                BatchEntryIdsNotDistinctException.class, "BatchEntryIdsNotDistinct", "same Id");
        assertError(() -> sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                        PublishBatchRequestEntry.builder().id("no spaces").message("m").build())),
                InvalidBatchEntryIdException.class, "InvalidBatchEntryId", "impermissible character");
        String half = "x".repeat(140_000);
        assertError(() -> sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                        PublishBatchRequestEntry.builder().id("a").message(half).build(),
                        PublishBatchRequestEntry.builder().id("b").message(half).build())),
                BatchRequestTooLongException.class, "BatchRequestTooLong", "more than the limit");
        assertError(() -> sns.publishBatch(b -> b.topicArn(topic + "-gone").publishBatchRequestEntries(
                        PublishBatchRequestEntry.builder().id("a").message("m").build())),
                NotFoundException.class, "NotFound", "Topic does not exist");
    }
}
