package io.eventharness.emulator.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.delivery.Message;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Messages other services hand to SQS through the delivery hub. */
class SqsDeliveryTest {
    private final SqsClient sqs = TestAws.sqs();

    @Test
    void aStandardQueueIgnoresFifoIdsFromTheSource() {
        String url = sqs.createQueue(b -> b.queueName(TestAws.unique("std"))).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);

        TestAws.emulator().delivery().send("arn:aws:sns:us-east-1:000000000000:t", arn, "test", new Message("hello", Map.of(), "group", "dedup"));

        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("hello"));
    }
}
