package io.eventharness.emulator.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class SqsSmokeTest {
    private final SqsClient sqs = TestAws.sqs();

    @Test
    void sendReceiveDelete() {
        String url = sqs.createQueue(b -> b.queueName(TestAws.unique("smoke"))).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello").messageAttributes(Map.of("k",
                MessageAttributeValue.builder().dataType("String").stringValue("v").build())));
        var got = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All").attributeNamesWithStrings("All"));
        assertThat(got.messages()).hasSize(1);
        assertThat(got.messages().get(0).body()).isEqualTo("hello");
        assertThat(got.messages().get(0).messageAttributes().get("k").stringValue()).isEqualTo("v");
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(got.messages().get(0).receiptHandle()));
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("nope-" + System.nanoTime())))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void asyncClient() {
        var async = TestAws.sqsAsync();
        String url = async.createQueue(b -> b.queueName(TestAws.unique("async"))).join().queueUrl();
        async.sendMessage(b -> b.queueUrl(url).messageBody("x")).join();
        assertThat(async.receiveMessage(b -> b.queueUrl(url)).join().messages()).hasSize(1);
    }
}
