package io.eventharness.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.eventharness.emulator.TestAws;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;

/**
 * awsJson in CBOR ({@code application/x-amz-cbor-1.1}, Kinesis's default; aws-wire-traps.md, trap 1)
 * succeeding, not only failing, for services whose SDK never sends it (Kinesis's own SDK clients are
 * tested in {@code kinesis.KinesisWireTest}): raw CBOR requests to SQS (awsJson 1.0) and CloudWatch Logs
 * (awsJson 1.1), whose codec accepts CBOR, must be answered in CBOR with blobs as byte strings; and the
 * codec itself is driven with an SDK model class that has both a timestamp and a blob, to show
 * timestamps as integer epoch milliseconds.
 */
class CborSuccessTest {
    private static final CBORMapper CBOR = new CBORMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A signed awsJson request with a CBOR body; asserts a CBOR 200 and returns the decoded answer. */
    private static JsonNode call(String service, String target, ObjectNode body) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(TestAws.emulator().endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/" + service
                        + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000")
                .header("Content-Type", "application/x-amz-cbor-1.1")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofByteArray(CBOR.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-cbor-1.1");
        JsonNode answer = CBOR.readTree(r.body());
        assertThat(r.statusCode()).as("answer: %s", answer).isEqualTo(200);
        return answer;
    }

    @Test
    void sqsOverCborKeepsABinaryAttributeAByteString() throws Exception {
        byte[] blob = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};
        ObjectNode create = CBOR.createObjectNode().put("QueueName", TestAws.unique("cbor"));
        String url = call("sqs", "AmazonSQS.CreateQueue", create).path("QueueUrl").asText();

        ObjectNode send = CBOR.createObjectNode().put("QueueUrl", url).put("MessageBody", "over CBOR");
        send.putObject("MessageAttributes").putObject("bin").put("DataType", "Binary").put("BinaryValue", blob);
        JsonNode sent = call("sqs", "AmazonSQS.SendMessage", send);
        assertThat(sent.path("MessageId").asText()).isNotEmpty();

        ObjectNode receive = CBOR.createObjectNode().put("QueueUrl", url);
        receive.putArray("MessageAttributeNames").add("All");
        JsonNode message = call("sqs", "AmazonSQS.ReceiveMessage", receive).path("Messages").path(0);

        assertThat(message.path("Body").asText()).isEqualTo("over CBOR");
        JsonNode value = message.path("MessageAttributes").path("bin").path("BinaryValue");
        assertThat(value.isBinary()).as("a CBOR byte string, not base64 text: %s", value.getNodeType()).isTrue();
        assertThat(value.binaryValue()).isEqualTo(blob);
        // the same MD5 the SDK verifies over JSON (it covers the attribute's bytes, whatever the encoding)
        assertThat(message.path("MD5OfMessageAttributes").asText()).isEqualTo(sent.path("MD5OfMessageAttributes").asText())
                .matches("[0-9a-f]{32}");
    }

    @Test
    void logsOverCborTakesAndGivesIntegerMilliseconds() throws Exception {
        String group = TestAws.unique("/cbor");
        long t = TestAws.emulator().clock().millis();
        call("logs", "Logs_20140328.CreateLogGroup", CBOR.createObjectNode().put("logGroupName", group));
        call("logs", "Logs_20140328.CreateLogStream", CBOR.createObjectNode().put("logGroupName", group).put("logStreamName", "s"));
        ObjectNode put = CBOR.createObjectNode().put("logGroupName", group).put("logStreamName", "s");
        put.putArray("logEvents").addObject().put("timestamp", t).put("message", "cbor line");
        call("logs", "Logs_20140328.PutLogEvents", put);

        JsonNode events = call("logs", "Logs_20140328.GetLogEvents",
                CBOR.createObjectNode().put("logGroupName", group).put("logStreamName", "s")).path("events");

        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("message").asText()).isEqualTo("cbor line");
        assertThat(events.get(0).path("timestamp").isIntegralNumber()).isTrue();
        assertThat(events.get(0).path("timestamp").longValue()).isEqualTo(t);
    }

    @Test
    void theCodecWritesTimestampsAsEpochMillisAndBlobsAsByteStrings() throws Exception {
        Instant when = Instant.ofEpochMilli(1_764_000_000_123L);
        byte[] content = {'r', 'e', 'p', 0, (byte) 0x80};
        GetCredentialReportResponse model = GetCredentialReportResponse.builder().generatedTime(when)
                .content(SdkBytes.fromByteArray(content)).reportFormat("text/csv").build();

        byte[] wire = AwsJsonCodec.CBOR.writeValueAsBytes(JsonShapes.CBOR.write(model));

        Map<String, JsonToken> tokens = new HashMap<>();
        Map<String, Object> values = new HashMap<>();
        try (JsonParser p = CBOR.getFactory().createParser(wire)) {
            for (JsonToken tok = p.nextToken(); tok != null; tok = p.nextToken()) {
                if (tok == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    tokens.put(name, p.nextToken());
                    values.put(name, p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT ? p.getBinaryValue() : p.getText());
                }
            }
        }
        assertThat(tokens).containsEntry("GeneratedTime", JsonToken.VALUE_NUMBER_INT)
                .containsEntry("Content", JsonToken.VALUE_EMBEDDED_OBJECT);
        assertThat(values.get("GeneratedTime")).isEqualTo("1764000000123");
        assertThat((byte[]) values.get("Content")).isEqualTo(content);
        // in JSON the same members are epoch seconds (a decimal number) and base64 text
        ObjectNode json = JsonShapes.JSON.write(model);
        assertThat(json.path("GeneratedTime").decimalValue()).isEqualByComparingTo("1764000000.123");
        assertThat(json.path("Content").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(content));

        // and what it writes, it reads back
        SdkPojo builder = (SdkPojo) GetCredentialReportResponse.builder();
        JsonShapes.CBOR.readInto(CBOR.readTree(wire), builder);
        assertThat(Shapes.build(builder)).isEqualTo(model);
    }
}
