package io.eventharness.emulator.sns;

import static io.eventharness.emulator.sns.SnsFixture.attrs;
import static io.eventharness.emulator.sns.SnsFixture.json;
import static io.eventharness.emulator.sns.SnsFixture.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.EventTrail;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.protocol.Call;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;

/**
 * The event Lambda subscribers get, as handed to the {@code lambda} delivery target (which the Lambda
 * service will register). No Lambda service exists yet, so this test stands in for it on a Delivery of
 * its own rather than on the shared emulator's.
 */
class SnsLambdaEventTest {
    private final EmulatorClock clock = new EmulatorClock();
    private final Delivery delivery = new Delivery(new EventTrail(clock));
    private final SnsService sns = new SnsService(clock, delivery);
    private final TopicOperations topics = operation(TopicOperations.class);
    private final SubscriptionOperations subscriptions = operation(SubscriptionOperations.class);
    private final PublishOperations publishing = operation(PublishOperations.class);
    private final Call call = Call.internal("req-1", "us-east-1", "http://localhost");
    private final List<String[]> invoked = new ArrayList<>();

    @AfterEach
    void close() {
        clock.close();
    }

    @Test
    void recordsCarryTheSnsNotification() {
        delivery.register("lambda", (source, arn, m) -> invoked.add(new String[]{arn, m.body()}));
        String topic = topics.createTopic(CreateTopicRequest.builder().name("orders").build(), call).topicArn();
        String fn = "arn:aws:lambda:us-east-1:000000000000:function:handler";
        String sub = subscriptions.subscribe(SubscribeRequest.builder().topicArn(topic).protocol("lambda").endpoint(fn).build(), call)
                .subscriptionArn();
        String id = publishing.publish(PublishRequest.builder().topicArn(topic).message("paid")
                .messageAttributes(attrs("k", string("v"))).build(), call).messageId();

        assertThat(invoked).hasSize(1);
        assertThat(invoked.get(0)[0]).isEqualTo(fn);
        JsonNode record = json(invoked.get(0)[1]).path("Records").get(0);
        assertThat(record.path("EventSource").asText()).isEqualTo("aws:sns");
        assertThat(record.path("EventVersion").asText()).isEqualTo("1.0");
        assertThat(record.path("EventSubscriptionArn").asText()).isEqualTo(sub);
        JsonNode n = record.path("Sns");
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp",
                "SignatureVersion", "Signature", "SigningCertUrl", "UnsubscribeUrl", "MessageAttributes");
        assertThat(n.path("Type").asText()).isEqualTo("Notification");
        assertThat(n.path("MessageId").asText()).isEqualTo(id);
        assertThat(n.path("TopicArn").asText()).isEqualTo(topic);
        assertThat(n.get("Subject").isNull()).as("Subject is null, not absent, when unset").isTrue();
        assertThat(n.path("Message").asText()).isEqualTo("paid");
        assertThat(n.path("SignatureVersion").asText()).isEqualTo("1");
        assertThat(n.path("UnsubscribeUrl").asText()).endsWith("SubscriptionArn=" + sub);
        assertThat(n.path("MessageAttributes").toString()).isEqualTo("{\"k\":{\"Type\":\"String\",\"Value\":\"v\"}}");
    }

    @Test
    void withoutAttributesTheMapIsEmptyAndASubjectIsKept() {
        delivery.register("lambda", (source, arn, m) -> invoked.add(new String[]{arn, m.body()}));
        String topic = topics.createTopic(CreateTopicRequest.builder().name("t").build(), call).topicArn();
        subscriptions.subscribe(SubscribeRequest.builder().topicArn(topic).protocol("lambda")
                .endpoint("arn:aws:lambda:us-east-1:000000000000:function:f").build(), call);
        publishing.publish(PublishRequest.builder().topicArn(topic).subject("Hello").message("m").build(), call);
        JsonNode n = json(invoked.get(0)[1]).path("Records").get(0).path("Sns");
        assertThat(n.path("Subject").asText()).isEqualTo("Hello");
        assertThat(n.path("MessageAttributes").isObject()).isTrue();
        assertThat(n.path("MessageAttributes").size()).isZero();
    }

    @Test
    void otherServicesPublishThroughDelivery() {
        List<Message> received = new ArrayList<>();
        delivery.register("sqs", (source, arn, m) -> received.add(m));
        String topic = topics.createTopic(CreateTopicRequest.builder().name("from-s3").build(), call).topicArn();
        subscriptions.subscribe(SubscribeRequest.builder().topicArn(topic).protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:000000000000:q").build(), call);
        delivery.send("arn:aws:s3:::bucket", topic, "s3:ObjectCreated", Message.of("{\"Records\":[]}"));
        assertThat(received).hasSize(1);
        assertThat(json(received.get(0).body()).path("Message").asText()).isEqualTo("{\"Records\":[]}");
    }

    /** The service's operation object of that class (the test drives them in-process, on a Delivery of its own). */
    private <T> T operation(Class<T> type) {
        return sns.operations().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
