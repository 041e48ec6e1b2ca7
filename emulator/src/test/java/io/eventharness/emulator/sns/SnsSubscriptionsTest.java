package io.eventharness.emulator.sns;

import static io.eventharness.emulator.sns.SnsErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.delivery.TrailEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.FilterPolicyLimitExceededException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

class SnsSubscriptionsTest {
    private final SnsFixture f = new SnsFixture();
    private final SnsClient sns = f.sns;

    @Test
    void sqsAndLambdaAreConfirmedAtOnce() {
        String topic = f.topic();
        String queueArn = f.arnOf(f.queue());
        String sub = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)).subscriptionArn();
        assertThat(sub).startsWith(topic + ":");
        String fn = sns.subscribe(b -> b.topicArn(topic).protocol("lambda")
                .endpoint("arn:aws:lambda:us-east-1:000000000000:function:handler")).subscriptionArn();
        assertThat(fn).startsWith(topic + ":");
        Map<String, String> a = sns.getSubscriptionAttributes(b -> b.subscriptionArn(sub)).attributes();
        assertThat(a).containsEntry("PendingConfirmation", "false").containsEntry("ConfirmationWasAuthenticated", "true")
                .containsEntry("Protocol", "sqs").containsEntry("Endpoint", queueArn).containsEntry("TopicArn", topic)
                .containsEntry("SubscriptionArn", sub).containsEntry("Owner", "000000000000")
                .containsEntry("RawMessageDelivery", "false").doesNotContainKeys("FilterPolicy", "FilterPolicyScope");
        assertThat(sns.getTopicAttributes(b -> b.topicArn(topic)).attributes()).containsEntry("SubscriptionsConfirmed", "2");
    }

    @Test
    void subscribeIsIdempotentPerEndpoint() {
        String topic = f.topic();
        String q = f.queue();
        String first = f.subscribe(topic, q, Map.of("RawMessageDelivery", "true"));
        assertThat(f.subscribe(topic, q, Map.of("RawMessageDelivery", "true"))).isEqualTo(first);
        assertThat(f.subscribe(topic, q, Map.of())).isEqualTo(first);
        assertError(() -> f.subscribe(topic, q, Map.of("RawMessageDelivery", "false")), InvalidParameterException.class,
                "InvalidParameter", "Subscription already exists with different attributes");
    }

    @Test
    void httpAndEmailWaitForConfirmation() throws Exception {
        String topic = f.topic();
        String pending = sns.subscribe(b -> b.topicArn(topic).protocol("https").endpoint("https://example.com/hook")).subscriptionArn();
        assertThat(pending).isEqualTo("pending confirmation");
        String arn = sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("ops@example.com").returnSubscriptionArn(true))
                .subscriptionArn();
        assertThat(arn).startsWith(topic + ":");
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes()).containsEntry("PendingConfirmation", "true");
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).extracting(Subscription::subscriptionArn)
                .containsOnly("PendingConfirmation");
        assertThat(sns.getTopicAttributes(b -> b.topicArn(topic)).attributes()).containsEntry("SubscriptionsPending", "2")
                .containsEntry("SubscriptionsConfirmed", "0");

        // what the endpoint would have received is in the trail, token included
        List<TrailEntry> notes = TestAws.emulator().trail().matching(e -> e.kind().equals("sns:SubscriptionConfirmation")
                && e.target().equals("ops@example.com") && e.source().equals(topic));
        assertThat(notes).hasSize(1);
        String token = TestAws.emulator().services().sns().confirmationToken(arn);
        assertThat(notes.get(0).summary()).contains(token);

        assertError(() -> sns.confirmSubscription(b -> b.topicArn(topic).token("nope")), InvalidParameterException.class,
                "InvalidParameter", "Invalid parameter: Token");
        assertThat(sns.confirmSubscription(b -> b.topicArn(topic).token(token).authenticateOnUnsubscribe("true")).subscriptionArn())
                .isEqualTo(arn);
        assertThat(sns.confirmSubscription(b -> b.topicArn(topic).token(token)).subscriptionArn()).as("idempotent").isEqualTo(arn);
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
                .containsEntry("PendingConfirmation", "false").containsEntry("ConfirmationWasAuthenticated", "true");

        // the UnsubscribeURL of a notification works against the emulator: an unsigned GET
        URI unsubscribe = URI.create(TestAws.emulator().endpoint() + "/?Action=Unsubscribe&SubscriptionArn=" + arn);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(unsubscribe).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("UnsubscribeResponse");
        assertError(() -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)), NotFoundException.class, "NotFound",
                "Subscription does not exist");
    }

    @Test
    void endpointRules() {
        String topic = f.topic();
        String fifo = f.fifoTopic(true);
        assertError(() -> sns.subscribe(b -> b.topicArn(topic).protocol("carrier-pigeon").endpoint("x")),
                InvalidParameterException.class, "InvalidParameter", "Amazon SNS does not support this protocol string: carrier-pigeon");
        assertError(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("not-an-arn")),
                InvalidParameterException.class, "InvalidParameter", "Invalid parameter: SQS endpoint ARN");
        assertError(() -> sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint("arn:aws:sqs:us-east-1:000000000000:q")),
                InvalidParameterException.class, "InvalidParameter", "Invalid parameter: Lambda endpoint ARN");
        assertError(() -> sns.subscribe(b -> b.topicArn(topic).protocol("https").endpoint("http://example.com")),
                InvalidParameterException.class, "InvalidParameter", "Endpoint must match the specified protocol");
        assertError(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sms").endpoint("call me")),
                InvalidParameterException.class, "InvalidParameter", "Invalid SMS endpoint");
        assertError(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs")), InvalidParameterException.class,
                "InvalidParameter", "Invalid parameter: Endpoint");
        assertError(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(f.arnOf(f.fifoQueue()))),
                InvalidParameterException.class, "InvalidParameter", "FIFO SQS Queues can not be subscribed to standard SNS topics");
        assertError(() -> sns.subscribe(b -> b.topicArn(fifo).protocol("lambda")
                .endpoint("arn:aws:lambda:us-east-1:000000000000:function:f")), InvalidParameterException.class, "InvalidParameter",
                "FIFO topics support only Amazon SQS queues");
        assertError(() -> sns.subscribe(b -> b.topicArn(topic + "-gone").protocol("sqs").endpoint(f.arnOf(f.queue()))),
                NotFoundException.class, "NotFound", "Topic does not exist");
    }

    @Test
    void subscriptionAttributesAreChecked() {
        String topic = f.topic();
        String sub = f.subscribe(topic, f.queue(), Map.of());
        String fn = sns.subscribe(b -> b.topicArn(topic).protocol("lambda")
                .endpoint("arn:aws:lambda:us-east-1:000000000000:function:f")).subscriptionArn();
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("RawMessageDelivery").attributeValue("TRUE"));
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicyScope").attributeValue("MessageBody"));
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicy").attributeValue("{\"a\":{\"b\":[1]}}"));
        String dlq = f.arnOf(f.queue());
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("RedrivePolicy")
                .attributeValue("{\"deadLetterTargetArn\":\"" + dlq + "\"}"));
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(sub)).attributes())
                .containsEntry("RawMessageDelivery", "true").containsEntry("FilterPolicyScope", "MessageBody")
                .containsEntry("FilterPolicy", "{\"a\":{\"b\":[1]}}")
                .containsEntry("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlq + "\"}");

        assertError(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicyScope")
                .attributeValue("MessageAttributes")), InvalidParameterException.class, "InvalidParameter",
                "Filter policy scope MessageAttributes does not support nested filter policy");
        assertError(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicyScope")
                .attributeValue("Everything")), InvalidParameterException.class, "InvalidParameter",
                "FilterPolicyScope: Invalid value [Everything]. Please use either MessageBody or MessageAttributes");
        assertError(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("RawMessageDelivery")
                .attributeValue("yes")), InvalidParameterException.class, "InvalidParameter",
                "RawMessageDelivery: Invalid value [yes]. Must be true or false.");
        assertError(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(fn).attributeName("RawMessageDelivery")
                .attributeValue("true")), InvalidParameterException.class, "InvalidParameter",
                "Delivery protocol [lambda] does not support raw message delivery.");
        assertError(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("RedrivePolicy")
                .attributeValue("{\"deadLetterTargetArn\":\"nope\"}")), InvalidParameterException.class, "InvalidParameter",
                "RedrivePolicy: deadLetterTargetArn is an invalid arn");
        assertError(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("RedrivePolicy")
                .attributeValue("{")), InvalidParameterException.class, "InvalidParameter", "RedrivePolicy: failed to parse JSON.");
        assertError(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("Color").attributeValue("red")),
                InvalidParameterException.class, "InvalidParameter", "Invalid parameter: AttributeName");
        assertError(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(f.arnOf(f.queue()))
                .attributes(Map.of("RawMessageDelivery", "maybe"))), InvalidParameterException.class, "InvalidParameter",
                "Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [maybe]");

        sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicy").attributeValue(""));
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(sub)).attributes()).doesNotContainKeys("FilterPolicy");
        assertError(() -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(topic + ":0c0c0c0c-0000-4000-8000-000000000000")),
                NotFoundException.class, "NotFound", "Subscription does not exist");
    }

    @Test
    void filterPolicySyntaxAndLimits() {
        String topic = f.topic();
        String sub = f.subscribe(topic, f.queue(), Map.of());
        String[][] bad = {
                {"{\"a\": \"x\"}", "\"a\" must be an object or an array"},
                {"{\"a\": []}", "Empty arrays are not allowed"},
                {"{\"a\": [[1]]}", "Match value must be String, number, true, false, or null"},
                {"{\"a\": [{\"prefix\": 1}]}", "prefix match pattern must be a string"},
                {"{\"a\": [{\"prefix\": \"x\", \"suffix\": \"y\"}]}", "Only one key allowed in match expression"},
                {"{\"a\": [{\"exists\": \"yes\"}]}", "exists match pattern must be either true or false."},
                {"{\"a\": [{\"numeric\": [\"<\", \"x\"]}]}", "Value of < must be numeric"},
                {"{\"a\": [{\"numeric\": [\"~\", 1]}]}", "Unrecognized numeric range operator: ~"},
                {"{\"a\": [{\"numeric\": [\">\", 5, \"<\", 1]}]}", "Bottom must be less than top"},
                {"{\"a\": [{\"numeric\": [\"=\", 5, \"<\", 9]}]}", "Too many elements in numeric expression"},
                {"{\"a\": [{\"cidr\": \"10.0.0.0\"}]}", "Malformed CIDR, one '/' required"},
                {"{\"a\": [{\"anything-but\": {\"wildcard\": \"x\"}}]}", "Unsupported anything-but pattern: wildcard"},
                {"{\"a\": [{\"regex\": \"x\"}]}", "Unrecognized match type regex"},
                {"{\"a\": {\"b\": [\"x\"]}}", "Filter policy scope MessageAttributes does not support nested filter policy"},
                {"{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}", "Filter policy can not have more than 5 keys"},
                {"{\"a\":[1,2,3,4,5,6],\"b\":[1,2,3,4,5],\"c\":[1,2,3,4,5,6]}", "Filter policy is too complex"},
                {"{not json", "failed to parse JSON"},
        };
        for (String[] c : bad) {
            assertError(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicy").attributeValue(c[0])),
                    InvalidParameterException.class, "InvalidParameter", c[1]);
        }
        assertError(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(f.arnOf(f.queue()))
                .attributes(Map.of("FilterPolicy", "{\"a\": []}"))), InvalidParameterException.class, "InvalidParameter",
                "Invalid parameter: Attributes Reason: FilterPolicy: Empty arrays are not allowed");
    }

    @Test
    void aTopicHoldsAtMost200FilterPolicies() {
        String topic = f.topic();
        String queueBase = "arn:aws:sqs:us-east-1:000000000000:";
        for (int i = 0; i < 200; i++) {
            String endpoint = queueBase + "fp-" + i;
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(endpoint).attributes(Map.of("FilterPolicy", "{\"a\":[\"x\"]}")));
        }
        assertError(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueBase + "fp-200")
                .attributes(Map.of("FilterPolicy", "{\"a\":[\"x\"]}"))), FilterPolicyLimitExceededException.class,
                "FilterPolicyLimitExceeded", "Filter policy limit exceeded");
    }

    @Test
    void setSubscriptionAttributesMayAddTheTwoHundredthFilterPolicyButNotMore() {
        String topic = f.topic();
        String queueBase = "arn:aws:sqs:us-east-1:000000000000:";
        String policy = "{\"a\":[\"x\"]}";
        for (int i = 0; i < 199; i++) {
            String endpoint = queueBase + "fp-" + i;
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(endpoint).attributes(Map.of("FilterPolicy", policy)));
        }
        String last = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueBase + "fp-199")).subscriptionArn();
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(last).attributeName("FilterPolicy").attributeValue(policy));
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(last)).attributes()).containsEntry("FilterPolicy", policy);

        String extra = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueBase + "fp-200")).subscriptionArn();
        assertError(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(extra).attributeName("FilterPolicy").attributeValue(policy)),
                FilterPolicyLimitExceededException.class, "FilterPolicyLimitExceeded", "Filter policy limit exceeded");
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(extra)).attributes()).doesNotContainKey("FilterPolicy");
    }

    @Test
    void unsubscribe() {
        String topic = f.topic();
        String sub = f.subscribe(topic, f.queue(), Map.of());
        sns.unsubscribe(b -> b.subscriptionArn(sub));
        sns.unsubscribe(b -> b.subscriptionArn(sub));
        assertThat(sns.getTopicAttributes(b -> b.topicArn(topic)).attributes())
                .containsEntry("SubscriptionsConfirmed", "0").containsEntry("SubscriptionsDeleted", "1");
        assertError(() -> sns.unsubscribe(b -> b.subscriptionArn("garbage")), InvalidParameterException.class, "InvalidParameter",
                "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1");
        assertError(() -> sns.unsubscribe(b -> b.subscriptionArn(topic)), InvalidParameterException.class, "InvalidParameter",
                "Invalid parameter: SubscriptionId");
    }

    @Test
    void listSubscriptionsPagesByHundred() {
        String topic = f.topic();
        String queueBase = "arn:aws:sqs:us-east-1:000000000000:" + TestAws.unique("page") + "-";
        for (int i = 0; i < 150; i++) {
            String endpoint = queueBase + i;
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(endpoint));
        }
        ListSubscriptionsByTopicResponse first = sns.listSubscriptionsByTopic(b -> b.topicArn(topic));
        assertThat(first.subscriptions()).hasSize(100);
        assertThat(first.nextToken()).isNotNull();
        ListSubscriptionsByTopicResponse second = sns.listSubscriptionsByTopic(b -> b.topicArn(topic).nextToken(first.nextToken()));
        assertThat(second.subscriptions()).hasSize(50);
        assertThat(second.nextToken()).isNull();
        assertThat(second.subscriptions().get(49).endpoint()).isEqualTo(queueBase + 149);
        assertThat(second.subscriptions().get(0).topicArn()).isEqualTo(topic);

        List<String> everywhere = sns.listSubscriptionsPaginator().subscriptions().stream().map(Subscription::endpoint).toList();
        assertThat(everywhere).contains(queueBase + 0, queueBase + 149);
        assertError(() -> sns.listSubscriptionsByTopic(b -> b.topicArn(topic + "-gone")), NotFoundException.class, "NotFound",
                "Topic does not exist");
    }
}
