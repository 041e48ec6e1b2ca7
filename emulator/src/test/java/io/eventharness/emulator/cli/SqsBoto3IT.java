package io.eventharness.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SQS through boto3 1.26 (Debian's {@code python3-boto3}), which speaks SQS's query protocol,
 * verifies MD5 digests and maps error codes to its modelled exception classes.
 */
class SqsBoto3IT {

    @Test
    void sendReceiveDeleteWithAttributes() {
        JsonNode r = Boto3.run("""
                sqs = client("sqs")
                url = sqs.create_queue(QueueName="%s", Attributes={"VisibilityTimeout": "40"})["QueueUrl"]
                sent = sqs.send_message(QueueUrl=url, MessageBody="hé from boto3", MessageAttributes={
                    "kind": {"DataType": "String", "StringValue": "order"},
                    "raw": {"DataType": "Binary", "BinaryValue": b"\\x00\\x01\\xff"}})
                got = sqs.receive_message(QueueUrl=url, AttributeNames=["All"], MessageAttributeNames=["All"])["Messages"]
                m = got[0]
                again = sqs.receive_message(QueueUrl=url).get("Messages", [])
                sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
                attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
                out({"sentId": sent["MessageId"], "count": len(got), "id": m["MessageId"], "body": m["Body"],
                     "kind": m["MessageAttributes"]["kind"]["StringValue"],
                     "raw": base64.b64encode(m["MessageAttributes"]["raw"]["BinaryValue"]).decode(),
                     "receiveCount": m["Attributes"]["ApproximateReceiveCount"], "again": len(again),
                     "visible": attrs["ApproximateNumberOfMessages"], "visibility": attrs["VisibilityTimeout"]})
                """.formatted(Cli.unique("boto")));
        assertThat(r.path("count").asInt()).isEqualTo(1);
        assertThat(r.path("id").asText()).isEqualTo(r.path("sentId").asText());
        assertThat(r.path("body").asText()).isEqualTo("hé from boto3");
        assertThat(r.path("kind").asText()).isEqualTo("order");
        assertThat(r.path("raw").asText()).isEqualTo("AAH/");
        assertThat(r.path("receiveCount").asText()).isEqualTo("1");
        assertThat(r.path("again").asInt()).isZero();
        assertThat(r.path("visible").asText()).isEqualTo("0");
        assertThat(r.path("visibility").asText()).isEqualTo("40");
    }

    @Test
    void batchesAndDeadLetterRedrive() {
        String dlq = Cli.unique("boto-dlq");
        String src = Cli.unique("boto-src");
        JsonNode setup = Boto3.run("""
                sqs = client("sqs")
                dlq = sqs.create_queue(QueueName="%s")["QueueUrl"]
                arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
                src = sqs.create_queue(QueueName="%s", Attributes={"VisibilityTimeout": "20",
                    "RedrivePolicy": json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": "1"})})["QueueUrl"]
                batch = sqs.send_message_batch(QueueUrl=src, Entries=[{"Id": "a", "MessageBody": "one"}, {"Id": "b", "MessageBody": "two"}])
                got = sqs.receive_message(QueueUrl=src, MaxNumberOfMessages=10)["Messages"]
                out({"dlq": dlq, "src": src, "ok": [e["Id"] for e in batch["Successful"]], "got": sorted(m["Body"] for m in got)})
                """.formatted(dlq, src));
        assertThat(setup.path("ok")).extracting(JsonNode::asText).containsExactlyInAnyOrder("a", "b");
        assertThat(setup.path("got")).extracting(JsonNode::asText).containsExactly("one", "two");

        Cli.jar().advance(Duration.ofSeconds(21));

        JsonNode after = Boto3.run("""
                sqs = client("sqs")
                src = sqs.receive_message(QueueUrl="%s", MaxNumberOfMessages=10).get("Messages", [])
                dead = sqs.receive_message(QueueUrl="%s", MaxNumberOfMessages=10).get("Messages", [])
                out({"src": len(src), "dead": sorted(m["Body"] for m in dead)})
                """.formatted(setup.path("src").asText(), setup.path("dlq").asText()));
        assertThat(after.path("src").asInt()).isZero();
        assertThat(after.path("dead")).extracting(JsonNode::asText).containsExactly("one", "two");
    }

    @Test
    void errorsAreBoto3sModelledExceptions() {
        JsonNode r = Boto3.run("""
                sqs = client("sqs")
                url = sqs.create_queue(QueueName="%s")["QueueUrl"]
                out({
                    "missing": error_of(lambda: sqs.get_queue_url(QueueName="no-such-queue-%s")),
                    "handle": error_of(lambda: sqs.delete_message(QueueUrl=url, ReceiptHandle="garbage")),
                    "attribute": error_of(lambda: sqs.set_queue_attributes(QueueUrl=url, Attributes={"Bogus": "1"})),
                    "name": error_of(lambda: sqs.create_queue(QueueName="bad name!")),
                })
                """.formatted(Cli.unique("boto-err"), System.nanoTime()));
        assertThat(r.path("missing").path("type").asText()).isEqualTo("QueueDoesNotExist");
        assertThat(r.path("missing").path("code").asText()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(r.path("missing").path("status").asInt()).isEqualTo(400);
        assertThat(r.path("handle").path("type").asText()).isEqualTo("ReceiptHandleIsInvalid");
        assertThat(r.path("handle").path("code").asText()).isEqualTo("ReceiptHandleIsInvalid");
        assertThat(r.path("attribute").path("code").asText()).isEqualTo("InvalidAttributeName");
        assertThat(r.path("name").path("code").asText()).isEqualTo("InvalidParameterValue");
    }
}
