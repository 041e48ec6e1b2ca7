package io.eventharness.emulator.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.delivery.Message;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Messages other services hand to SQS through the delivery hub. */
class SqsDeliveryTest {
    private static final String SOURCE = "arn:aws:sns:us-east-1:000000000000:t";
    private final SqsClient sqs = TestAws.sqs();

    @Test
    void aStandardQueueIgnoresFifoIdsFromTheSource() {
        String url = sqs.createQueue(b -> b.queueName(TestAws.unique("std"))).queueUrl();

        TestAws.emulator().delivery().send(SOURCE, arnOf(url), "test", new Message("hello", Map.of(), "group", "dedup"));

        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("hello"));
    }

    /** The queue's name in another region or account is another queue, and that one does not exist. */
    @ParameterizedTest
    @CsvSource({"eu-west-1, 000000000000", "us-east-1, 111111111111"})
    void aQueueArnOfAnotherRegionOrAccountIsRefusedAsAQueueThatDoesNotExist(String region, String account) {
        String url = sqs.createQueue(b -> b.queueName(TestAws.unique("elsewhere"))).queueUrl();
        Arn own = Arn.parse(arnOf(url));
        String elsewhere = new Arn(own.partition(), own.service(), region, account, own.resource()).toString();

        assertThatThrownBy(() -> TestAws.emulator().delivery().send(SOURCE, elsewhere, "test", Message.of("misaddressed")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("QueueDoesNotExist"));
        assertThat(TestAws.emulator().services().sqs().queueExists(elsewhere)).isFalse();
        assertThat(TestAws.emulator().services().sqs().queueExists(own.toString())).isTrue();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).as("nothing reached the queue of that name").isEmpty();
    }

    private String arnOf(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
