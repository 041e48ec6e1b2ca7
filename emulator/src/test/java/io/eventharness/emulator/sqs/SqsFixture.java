package io.eventharness.emulator.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.core.EmulatorClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Queues and helpers for the SQS tests, through the unmodified SDK v2 sync client (Apache HTTP).
 * Every queue has a unique name: the emulator, and its clock, are shared by the whole test JVM.
 */
final class SqsFixture {
    private static final SqsClient SQS = TestAws.sqs();

    /** Shared by all SQS tests: building SDK clients costs more than the calls. */
    final SqsClient sqs = SQS;
    final EmulatorClock clock = TestAws.emulator().clock();

    String queue() {
        return queue(Map.of());
    }

    String queue(Map<String, String> attributes) {
        return sqs.createQueue(b -> b.queueName(TestAws.unique("q")).attributesWithStrings(attributes)).queueUrl();
    }

    /** A FIFO queue; {@code attributes} are added to {@code FifoQueue=true}. */
    String fifoQueue(Map<String, String> attributes) {
        Map<String, String> all = new HashMap<>(attributes);
        all.put("FifoQueue", "true");
        return sqs.createQueue(b -> b.queueName(TestAws.unique("q") + ".fifo").attributesWithStrings(all)).queueUrl();
    }

    String arnOf(String queueUrl) {
        return attribute(queueUrl, QueueAttributeName.QUEUE_ARN);
    }

    String attribute(String queueUrl, QueueAttributeName name) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(name)).attributes().get(name);
    }

    /** {@code [visible, not visible (in flight), delayed]}, as GetQueueAttributes reports them. */
    List<Integer> counts(String queueUrl) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return List.of(Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)),
                Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)));
    }

    String send(String queueUrl, String body) {
        return sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body)).messageId();
    }

    /** One receive, no waiting, up to ten messages, with all system attributes. */
    List<Message> receive(String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageSystemAttributeNamesWithStrings("All")).messages();
    }

    /** One receive of at most one message, with this visibility timeout. */
    List<Message> receiveOne(String queueUrl, int visibilityTimeout) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(0)
                .visibilityTimeout(visibilityTimeout).messageSystemAttributeNamesWithStrings("All")).messages();
    }

    static MessageAttributeValue string(String v) {
        return MessageAttributeValue.builder().dataType("String").stringValue(v).build();
    }

    static MessageAttributeValue number(String v) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(v).build();
    }

    static MessageAttributeValue binary(byte... v) {
        return MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(v)).build();
    }

    static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts the SDK's typed exception and the error code it reads. SQS's JSON protocol is
     * query-compatible: {@code errorCode()} is the legacy query code from {@code x-amzn-query-error}.
     */
    static SqsException assertError(ThrowingCallable call, Class<? extends SqsException> type, String code) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(type);
        SqsException e = (SqsException) t;
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
        return e;
    }
}
