package io.eventharness.emulator.corpus;

import static io.eventharness.emulator.corpus.BadInputCorpusTest.bytes;
import static io.eventharness.emulator.corpus.BadInputCorpusTest.garbage;

import io.eventharness.emulator.TestAws;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input for awsJson 1.1 (CloudWatch Logs), sent as raw signed HTTP: each must get a 4xx with
 * {@code {"__type": "...#Code", "message": ...}}, promptly, and leave the server serving. A body
 * that is not the operation's shape is a SerializationException; a missing required member is
 * CloudWatch Logs' InvalidParameterException ("1 validation error detected: ...").
 */
class LogsBadInputCorpusTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String GROUP = TestAws.unique("/corpus/logs");
    private static String queueUrl;

    @BeforeAll
    static void fixtures() {
        var logs = TestAws.logs();
        logs.createLogGroup(b -> b.logGroupName(GROUP));
        logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName("s"));
        queueUrl = TestAws.sqs().createQueue(b -> b.queueName(TestAws.unique("logs-corpus"))).queueUrl();
    }

    static Stream<BadRequest> awsJson11Cases() {
        String stream = "\"logGroupName\":\"" + GROUP + "\",\"logStreamName\":\"s\"";
        return Stream.of(
                // the body itself
                logs("malformed JSON", "CreateLogGroup", "{\"logGroupName\":", "SerializationException"),
                logs("trailing garbage", "DescribeLogGroups", "{} }}}", "SerializationException"),
                logs("document is an array", "CreateLogGroup", "[1]", "SerializationException"),
                logs("document is a string", "DescribeLogGroups", "\"logGroupName\"", "SerializationException"),
                logs("nested 100,000 deep", "DescribeLogGroups", "[".repeat(100_000), "SerializationException"),
                logs("invalid UTF-8", bytes("{\"logGroupName\":\"", new byte[]{(byte) 0xC3, 0x28}, "\"}"), "CreateLogGroup",
                        "SerializationException"),
                logs("binary garbage", garbage(4096), "DescribeLogGroups", "SerializationException"),
                // wrong types
                logs("string member given a number", "CreateLogGroup", "{\"logGroupName\":5}", "SerializationException"),
                logs("long member given a string", "PutLogEvents", "{" + stream
                        + ",\"logEvents\":[{\"timestamp\":\"now\",\"message\":\"m\"}]}", "SerializationException"),
                logs("long member given a fraction", "GetLogEvents", "{" + stream + ",\"startTime\":1.5}", "SerializationException"),
                logs("integer member overflowing", "DescribeLogGroups", "{\"limit\":99999999999999999999}", "SerializationException"),
                logs("list member given an object", "PutLogEvents", "{" + stream + ",\"logEvents\":{}}", "SerializationException"),
                logs("structure in a list given a string", "PutLogEvents", "{" + stream + ",\"logEvents\":[\"m\"]}",
                        "SerializationException"),
                logs("boolean member given a string", "GetLogEvents", "{" + stream + ",\"startFromHead\":\"yes\"}",
                        "SerializationException"),
                logs("map member given a list", "CreateLogGroup", "{\"logGroupName\":\"g\",\"tags\":[\"a\"]}", "SerializationException"),
                // the operation
                logs("unknown operation", "NoSuchOperation", "{}", "UnknownOperationException"),
                withTarget("target of another service", "AmazonSQS.ListQueues", "{}", "UnknownOperationException"),
                withTarget("target without operation", "Logs_20140328", "{}", "UnknownOperationException"),
                withTarget("missing target", null, "{}", "UnknownOperationException"),
                // required members (the model's constraints)
                logs("missing required member", "CreateLogGroup", "{}", "InvalidParameterException"),
                logs("required member null", "CreateLogGroup", "{\"logGroupName\":null}", "InvalidParameterException"),
                logs("empty body", "CreateLogStream", "", "InvalidParameterException"),
                logs("events without a stream", "PutLogEvents", "{\"logGroupName\":\"" + GROUP
                        + "\",\"logEvents\":[{\"timestamp\":1,\"message\":\"m\"}]}", "InvalidParameterException"),
                logs("event without a message", "PutLogEvents", "{" + stream + ",\"logEvents\":[{\"timestamp\":1}]}",
                        "InvalidParameterException"),
                logs("limit out of range", "DescribeLogGroups", "{\"limit\":0}", "InvalidParameterException"));
    }

    private static BadRequest logs(String name, String operation, String body, String code) {
        return withTarget(name, "Logs_20140328." + operation, body, code);
    }

    private static BadRequest logs(String name, byte[] body, String operation, String code) {
        return request(name, "Logs_20140328." + operation, body, code);
    }

    private static BadRequest withTarget(String name, String target, String body, String code) {
        return request(name, target, body.getBytes(StandardCharsets.UTF_8), code);
    }

    /** A request as the SDK sends it to CloudWatch Logs: signed for {@code logs}, awsJson 1.1. */
    private static BadRequest request(String name, String target, byte[] body, String code) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", BadRequest.sigV4("logs"));
        h.put("Content-Type", "application/x-amz-json-1.1");
        if (target != null) {
            h.put("X-Amz-Target", target);
        }
        return new BadRequest("awsJson 1.1: " + name, "POST", "/", h, body, 400, Envelope.AWS_JSON, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awsJson11Cases")
    void answersWithTheJsonErrorAndKeepsServing(BadRequest bad) throws Exception {
        RawHttp.Answer a = Corpus.assertRejected(HTTP, TestAws.emulator().endpoint(), bad, queueUrl);
        org.assertj.core.api.Assertions.assertThat(a.header("Content-Type")).hasValueSatisfying(ct ->
                org.assertj.core.api.Assertions.assertThat(ct).startsWith("application/x-amz-json-1.1"));
        Corpus.assertStillServing(queueUrl);
    }
}
