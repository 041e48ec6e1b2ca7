package example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.JavaFunction;
import io.eventharness.harness.NeedsClock;
import io.eventharness.harness.wire.Mapping;
import io.eventharness.harness.wire.SqsMapping;
import io.eventharness.harness.wire.SubscriptionAttributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An order topic fanned out to SQS queues that an event source mapping drains into {@link OrderProcessor}, which
 * reports each order to the queue the order names; and {@link SnsAuditor} subscribed to a topic directly. The two
 * functions are deployed once for the class; each test has its own topic, queues, mappings and results queue.
 */
@EventHarness
class SqsSnsChainIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The function's timeout; a queue it consumes must hide a message at least that long (AWS refuses the mapping otherwise). */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    static Cloud shared;
    static DeployedFunction processor;
    static DeployedFunction auditor;
    static String auditorDeadLetters;

    @BeforeAll
    static void deploy() {
        processor = shared.deploy(JavaFunction.fromModule().handler("example.OrderProcessor::handleRequest").named("processor")
                .memoryMb(512).timeout(TIMEOUT));
        auditorDeadLetters = shared.sqs().createQueue(b -> b.queueName(shared.name("auditor-dlq"))).queueUrl();
        auditor = shared.deploy(JavaFunction.fromModule().handler("example.SnsAuditor::handleRequest").named("auditor")
                .memoryMb(512).timeout(TIMEOUT).deadLetterTo(arn(shared, auditorDeadLetters)));
    }

    @Test
    void theTopicFansOutThroughFilterPoliciesToAnEnvelopedAndARawQueue(Cloud cloud) {
        String results = queue(cloud, "results", Map.of());
        String topic = cloud.sns().createTopic(b -> b.name(cloud.name("orders"))).topicArn();
        String eu = queue(cloud, "orders-eu", Map.of());
        String big = queue(cloud, "big-orders", Map.of());
        cloud.wire().snsToSqs(topic, eu, SubscriptionAttributes.enveloped().filterPolicy("{\"region\": [\"eu\"]}"));
        cloud.wire().snsToSqs(topic, big, SubscriptionAttributes.raw()
                .filterPolicy("{\"total\": [{\"numeric\": [\">=\", 100]}]}").onMessageBody());
        cloud.wire().sqsToLambda(eu, processor, SqsMapping.batchSize(10));
        cloud.wire().sqsToLambda(big, processor, SqsMapping.batchSize(10));

        publish(cloud, topic, order("a", 50, results), "eu");   // eu only
        publish(cloud, topic, order("b", 500, results), "us");  // big only
        publish(cloud, topic, order("c", 200, results), "eu");  // both
        publish(cloud, topic, order("d", 10, results), "us");   // neither

        List<String> got = new ArrayList<>();
        for (Message m : cloud.queue(results).await().atMost(Duration.ofSeconds(60)).messages(4)) {
            JsonNode r = json(m.body());
            got.add(r.path("order").asText() + " " + r.path("via").asText() + " " + r.path("queue").asText());
        }
        assertThat(got).containsExactlyInAnyOrder("a envelope " + cloud.name("orders-eu"), "c envelope " + cloud.name("orders-eu"),
                "b raw " + cloud.name("big-orders"), "c raw " + cloud.name("big-orders"));
        cloud.settle(Duration.ofSeconds(60));
        assertThat(cloud.queue(results).drain()).as("order d matched no filter policy").isEmpty();
    }

    @Test
    @NeedsClock("failed messages come back when the queue's visibility timeout (30 s) has passed")
    void aBatchWithFailuresReportsThemAndOnlyThoseComeBack(Cloud cloud) {
        String results = queue(cloud, "results", Map.of());
        String orders = queue(cloud, "orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        Mapping mapping = cloud.wire().sqsToLambda(orders, processor, SqsMapping.batchSize(10).reportBatchItemFailures().disabled());
        List<String> ids = new ArrayList<>();
        for (String id : List.of("1", "2", "3", "4", "5")) {
            ObjectNode o = order(id, 10, results);
            if (id.equals("2") || id.equals("4")) {
                o.put("fail", "once");
            }
            ids.add(cloud.sqs().sendMessage(b -> b.queueUrl(orders).messageBody(o.toString())).messageId());
        }
        mapping.enable(); // the five wait in the queue: one batch

        List<JsonNode> first = replies(cloud, results, 3);
        assertThat(first).extracting(r -> r.path("order").asText()).containsExactlyInAnyOrder("1", "3", "5");
        assertThat(first).allSatisfy(r -> assertThat(r.path("batchSize").asInt()).isEqualTo(5));
        cloud.logsOf(processor).await().contains("batchItemFailures: [" + ids.get(1) + ", " + ids.get(3) + "]");
        cloud.settle();
        assertThat(cloud.queue(results).drain()).as("nothing more before the visibility timeout").isEmpty();

        cloud.advance(Duration.ofSeconds(31));

        List<JsonNode> again = replies(cloud, results, 2);
        assertThat(again).extracting(r -> r.path("order").asText() + "@" + r.path("receiveCount").asInt())
                .containsExactlyInAnyOrder("2@2", "4@2");
        cloud.settle();
        assertThat(cloud.queue(results).drain()).as("the three that succeeded were deleted, not received again").isEmpty();
    }

    @Test
    @NeedsClock("a poison message is received again each time the queue's visibility timeout (30 s) has passed")
    void aPoisonMessageReachesTheQueuesDeadLetterQueueAfterMaxReceiveCount(Cloud cloud) {
        String results = queue(cloud, "results", Map.of());
        String dlq = queue(cloud, "orders-dlq", Map.of());
        String orders = queue(cloud, "orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn(cloud, dlq) + "\",\"maxReceiveCount\":\"2\"}"));
        cloud.wire().sqsToLambda(orders, processor, SqsMapping.batchSize(10).reportBatchItemFailures());
        ObjectNode poison = order("poison", 1, results).put("fail", "always");
        cloud.sqs().sendMessage(b -> b.queueUrl(orders).messageBody(poison.toString()));

        cloud.logsOf(processor).await().contains("order poison from " + cloud.name("orders") + " (receive 1): failed");
        cloud.advance(Duration.ofSeconds(31));
        cloud.logsOf(processor).await().contains("order poison from " + cloud.name("orders") + " (receive 2): failed");
        cloud.advance(Duration.ofSeconds(31)); // received twice: the next receive moves it to the dead-letter queue

        Message dead = cloud.queue(dlq).await().message();
        assertThat(json(dead.body()).path("id").asText()).isEqualTo("poison");
        cloud.settle();
        assertThat(cloud.logsOf(processor).lines()).filteredOn(l -> l.message().startsWith("order poison from"))
                .as("tried maxReceiveCount times").hasSize(2);
        assertThat(cloud.queue(results).drain()).isEmpty();
    }

    @Test
    void maximumConcurrencyCapsTheBatchesInvokedAtOnce(Cloud cloud) {
        String results = queue(cloud, "results", Map.of());
        String orders = queue(cloud, "orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        Mapping mapping = cloud.wire().sqsToLambda(orders, processor, SqsMapping.batchSize(1).maximumConcurrency(2).disabled());
        for (int i = 0; i < 8; i++) {
            ObjectNode o = order("slow-" + i, 1, results).put("holdMillis", 400);
            cloud.sqs().sendMessage(b -> b.queueUrl(orders).messageBody(o.toString()));
        }
        mapping.enable();

        List<JsonNode> done = replies(cloud, results, 8);

        assertThat(done).allSatisfy(r -> assertThat(r.path("batchSize").asInt()).isEqualTo(1));
        assertThat(mostAtOnce(done)).as("invocations running at the same time").isLessThanOrEqualTo(2);
    }

    @Test
    void aTopicInvokesTheAuditorDirectlyWithSubjectAndAttributes(Cloud cloud) {
        String results = queue(cloud, "results", Map.of());
        String topic = cloud.sns().createTopic(b -> b.name(cloud.name("audit"))).topicArn();
        cloud.wire().snsToLambda(topic, auditor);
        String message = "{\"replyTo\": \"" + results + "\", \"what\": \"refund\"}";

        cloud.sns().publish(b -> b.topicArn(topic).subject("Refund issued").message(message).messageAttributes(Map.of(
                "amount", MessageAttributeValue.builder().dataType("Number").stringValue("12.50").build(),
                "tags", MessageAttributeValue.builder().dataType("String.Array").stringValue("[\"vip\",\"eu\"]").build())));

        JsonNode r = replies(cloud, results, 1).get(0);
        assertThat(r.path("subject").asText()).isEqualTo("Refund issued");
        assertThat(r.path("message").asText()).isEqualTo(message);
        assertThat(r.path("topic").asText()).isEqualTo(topic);
        assertThat(r.path("attributes").path("amount").path("Type").asText()).isEqualTo("Number");
        assertThat(r.path("attributes").path("amount").path("Value").asText()).isEqualTo("12.50");
        assertThat(r.path("attributes").path("tags").path("Type").asText()).isEqualTo("String.Array");
        assertThat(r.path("attributes").path("tags").path("Value").asText()).isEqualTo("[\"vip\",\"eu\"]");
    }

    @Test
    @NeedsClock("Lambda retries a failed asynchronous event after about one minute and again after two more")
    void anEventTheAuditorFailsOnIsRetriedThenLandsInItsDeadLetterQueue(Cloud cloud) {
        String topic = cloud.sns().createTopic(b -> b.name(cloud.name("audit"))).topicArn();
        cloud.wire().snsToLambda(topic, auditor);
        String id = cloud.sns().publish(b -> b.topicArn(topic).message("{\"explode\": true}")).messageId();
        cloud.logsOf(auditor).await().atMost(Duration.ofSeconds(60)).contains("exploded on " + id);

        cloud.advance(Duration.ofMinutes(3));

        Message dead = cloud.queue(auditorDeadLetters).await().message();
        JsonNode sns = json(dead.body()).path("Records").get(0).path("Sns");
        assertThat(sns.path("MessageId").asText()).isEqualTo(id);
        assertThat(sns.path("TopicArn").asText()).isEqualTo(topic);
        assertThat(dead.messageAttributes().get("ErrorMessage").stringValue()).contains("exploded on " + id);
        assertThat(cloud.logsOf(auditor).lines()).filteredOn(l -> l.message().startsWith("exploded on " + id + ":"))
                .as("the first attempt and two retries").hasSize(3);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static ObjectNode order(String id, double total, String replyTo) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("total", total);
        o.put("replyTo", replyTo);
        return o;
    }

    private static void publish(Cloud cloud, String topic, ObjectNode order, String region) {
        cloud.sns().publish(b -> b.topicArn(topic).message(order.toString()).messageAttributes(Map.of("region",
                MessageAttributeValue.builder().dataType("String").stringValue(region).build())));
    }

    private static String queue(Cloud cloud, String base, Map<QueueAttributeName, String> attributes) {
        return cloud.sqs().createQueue(b -> b.queueName(cloud.name(base)).attributes(attributes)).queueUrl();
    }

    private static String arn(Cloud cloud, String queueUrl) {
        return cloud.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static List<JsonNode> replies(Cloud cloud, String results, int n) {
        return cloud.queue(results).await().atMost(Duration.ofSeconds(60)).messages(n).stream().map(m -> json(m.body())).toList();
    }

    /** The most invocations whose [start, end] intervals overlap at one moment. */
    private static int mostAtOnce(List<JsonNode> replies) {
        record Edge(long at, int delta) {
        }
        List<Edge> edges = new ArrayList<>();
        for (JsonNode r : replies) {
            edges.add(new Edge(r.path("start").asLong(), 1));
            edges.add(new Edge(r.path("end").asLong(), -1));
        }
        edges.sort(Comparator.comparingLong(Edge::at).thenComparingInt(Edge::delta)); // an end before a start at the same ms
        int now = 0;
        int most = 0;
        for (Edge e : edges) {
            now += e.delta();
            most = Math.max(most, now);
        }
        return most;
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + s, e);
        }
    }
}
