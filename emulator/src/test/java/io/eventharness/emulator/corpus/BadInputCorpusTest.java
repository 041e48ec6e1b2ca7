package io.eventharness.emulator.corpus;

import static io.eventharness.emulator.corpus.BadRequest.QUEUE;
import static io.eventharness.emulator.corpus.BadRequest.awsJson;
import static io.eventharness.emulator.corpus.BadRequest.query;
import static io.eventharness.emulator.corpus.BadRequest.sqsCbor;
import static io.eventharness.emulator.corpus.BadRequest.sqsJson;

import io.eventharness.emulator.TestAws;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, per protocol, sent as raw HTTP: every case must get a 4xx in its protocol's error
 * envelope with the AWS error code, promptly, and leave the server serving. The corpus is the tables
 * below; add a row for every new way of being wrong.
 */
class BadInputCorpusTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static String queueUrl;

    @BeforeAll
    static void queue() {
        queueUrl = TestAws.sqs().createQueue(b -> b.queueName(TestAws.unique("corpus"))).queueUrl();
    }

    /** awsJson 1.0, as the SDK speaks to SQS. */
    static Stream<BadRequest> awsJsonCases() {
        String eleven = IntStream.range(0, 11).mapToObj(i -> "{\"Id\":\"m" + i + "\",\"MessageBody\":\"x\"}")
                .collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                sqsJson("malformed JSON", "AmazonSQS.CreateQueue", "{\"QueueName\":", "SerializationException"),
                sqsJson("trailing garbage", "AmazonSQS.ListQueues", "{} }}}", "SerializationException"),
                sqsJson("string member given a number", "AmazonSQS.CreateQueue", "{\"QueueName\":5}", "SerializationException"),
                sqsJson("integer member given a string", "AmazonSQS.ReceiveMessage",
                        "{\"QueueUrl\":\"" + QUEUE + "\",\"MaxNumberOfMessages\":\"ten\"}", "SerializationException"),
                sqsJson("integer member given 1e400", "AmazonSQS.ReceiveMessage",
                        "{\"QueueUrl\":\"" + QUEUE + "\",\"MaxNumberOfMessages\":1e400}", "SerializationException"),
                sqsJson("integer member overflowing int", "AmazonSQS.ReceiveMessage",
                        "{\"QueueUrl\":\"" + QUEUE + "\",\"MaxNumberOfMessages\":99999999999999999999}", "SerializationException"),
                sqsJson("map member given a list", "AmazonSQS.CreateQueue", "{\"QueueName\":\"q\",\"Attributes\":[1,2]}",
                        "SerializationException"),
                sqsJson("list member given a string", "AmazonSQS.SendMessageBatch",
                        "{\"QueueUrl\":\"" + QUEUE + "\",\"Entries\":\"m\"}", "SerializationException"),
                sqsJson("document is an array", "AmazonSQS.CreateQueue", "[1]", "SerializationException"),
                sqsJson("nested 100,000 deep", "AmazonSQS.ListQueues", "[".repeat(100_000), "SerializationException"),
                sqsJson("invalid UTF-8", "AmazonSQS.CreateQueue", bytes("{\"QueueName\":\"", new byte[]{(byte) 0xC3, 0x28}, "\"}"),
                        "SerializationException"),
                sqsJson("binary garbage", "AmazonSQS.ListQueues", garbage(4096), "SerializationException"),
                sqsJson("unknown operation", "AmazonSQS.NoSuchOperation", "{}", "UnknownOperationException"),
                sqsJson("target of another service", "Logs_20140328.CreateLogGroup", "{}", "UnknownOperationException"),
                sqsJson("target without operation", "AmazonSQS", "{}", "UnknownOperationException"),
                sqsJson("missing target", null, "{}", "UnknownOperationException"),
                sqsJson("missing required member", "AmazonSQS.CreateQueue", "{}", "MissingParameter"),
                sqsJson("required member null", "AmazonSQS.CreateQueue", "{\"QueueName\":null}", "MissingParameter"),
                sqsJson("empty body", "AmazonSQS.SendMessage", "", "MissingParameter"),
                sqsJson("message over 1 MiB", "AmazonSQS.SendMessage",
                        "{\"QueueUrl\":\"" + QUEUE + "\",\"MessageBody\":\"" + "x".repeat(1_048_577) + "\"}", "InvalidParameterValue"),
                sqsJson("batch of 11", "AmazonSQS.SendMessageBatch", "{\"QueueUrl\":\"" + QUEUE + "\",\"Entries\":" + eleven + "}",
                        "TooManyEntriesInBatchRequest"),
                sqsJson("empty batch", "AmazonSQS.SendMessageBatch", "{\"QueueUrl\":\"" + QUEUE + "\",\"Entries\":[]}",
                        "EmptyBatchRequest"),
                // a null inside a list or map reached the service as a null element (a 500 from the generated corpus)
                sqsJson("list member holding null", "AmazonSQS.SendMessageBatch",
                        "{\"QueueUrl\":\"" + QUEUE + "\",\"Entries\":[null]}", "SerializationException"),
                sqsJson("map value null", "AmazonSQS.TagQueue", "{\"QueueUrl\":\"" + QUEUE + "\",\"Tags\":{\"a\":null}}",
                        "SerializationException"),
                // a number too large for a double was read as infinity, which has no exact value (a 500)
                awsJson("timestamp 1e400", "events", "1.1", "AWSEvents.PutEvents",
                        "{\"Entries\":[{\"Source\":\"a\",\"DetailType\":\"b\",\"Detail\":\"{}\",\"Time\":1e400}]}",
                        "SerializationException"),
                // EventBridge operations read a rule's or bus's name that the request left out (a 500)
                awsJson("required name left out", "events", "1.1", "AWSEvents.DescribeRule", "{}", "ValidationException"),
                awsJson("required bus name left out", "events", "1.1", "AWSEvents.DeleteEventBus", "{}", "ValidationException"),
                awsJson("required rule null", "events", "1.1", "AWSEvents.ListTargetsByRule", "{\"Rule\":null}",
                        "ValidationException"),
                sqsJson("message with a NUL character", "AmazonSQS.SendMessage",
                        "{\"QueueUrl\":\"" + QUEUE + "\",\"MessageBody\":\"a\\u0000b\"}", "InvalidMessageContents"));
    }

    /** CBOR ({@code application/x-amz-cbor-1.1}, Kinesis's default), here against SQS's JSON operations. */
    static Stream<BadRequest> cborCases() {
        return Stream.of(
                sqsCbor("garbage bytes", "AmazonSQS.ListQueues", garbage(4096), "SerializationException"),
                sqsCbor("truncated map", "AmazonSQS.CreateQueue", new byte[]{(byte) 0xA1, 0x69, 'Q', 'u', 'e'}, "SerializationException"),
                sqsCbor("top-level integer", "AmazonSQS.ListQueues", new byte[]{0x05}, "SerializationException"),
                sqsCbor("string member given a number", "AmazonSQS.CreateQueue",
                        bytes(new byte[]{(byte) 0xA1, 0x69}, "QueueName", new byte[]{0x05}), "SerializationException"),
                sqsCbor("nested 100,000 deep", "AmazonSQS.ListQueues", repeat((byte) 0x81, 100_000), "SerializationException"),
                sqsCbor("unknown operation", "AmazonSQS.NoSuchOperation", new byte[]{(byte) 0xA0}, "UnknownOperationException"));
    }

    /** The query protocol, as the AWS CLI v2 2.9 and boto3 1.26 speak to SQS. */
    static Stream<BadRequest> queryCases() {
        return Stream.of(
                sqsQuery("unknown Action", "Action=NoSuchAction&Version=2012-11-05", "InvalidAction"),
                sqsQuery("missing Action", "Version=2012-11-05&QueueName=x", "MissingAction"),
                sqsQuery("malformed percent-encoding in the form", "Action=ListQueues&QueueNamePrefix=%zz", "MalformedQueryString"),
                sqsQuery("truncated percent-encoding", "Action=ListQueues&QueueNamePrefix=%4", "MalformedQueryString"),
                query("malformed percent-encoding in the URL", "sqs", "/?Action=ListQueues&QueueNamePrefix=%zz", "",
                        400, Envelope.QUERY_XML, "MalformedQueryString"),
                sqsQuery("missing required parameter", "Action=SendMessage&QueueUrl=" + QUEUE, "MissingParameter"),
                sqsQuery("integer parameter not a number", "Action=ReceiveMessage&QueueUrl=" + QUEUE + "&MaxNumberOfMessages=abc",
                        "InvalidParameterValue"),
                sqsQuery("integer parameter overflowing", "Action=ReceiveMessage&QueueUrl=" + QUEUE
                        + "&MaxNumberOfMessages=99999999999999", "InvalidParameterValue"),
                sqsQuery("integer parameter out of range", "Action=ReceiveMessage&QueueUrl=" + QUEUE + "&MaxNumberOfMessages=11",
                        "InvalidParameterValue"),
                // Parameters the operation does not have are ignored, as AWS does: what is left is an empty batch.
                sqsQuery("list index not a number", "Action=SendMessageBatch&QueueUrl=" + QUEUE
                        + "&SendMessageBatchRequestEntry.x.Id=a&SendMessageBatchRequestEntry.x.MessageBody=b",
                        "AWS.SimpleQueueService.EmptyBatchRequest"),
                sqsQuery("control characters in a message", "Action=SendMessage&QueueUrl=" + QUEUE + "&MessageBody=%00%01",
                        "InvalidMessageContents"),
                // an error message quoting a control character was XML no client could read
                sqsQuery("control character quoted by the error", "Action=ReceiveMessage&QueueUrl=" + QUEUE + "&WaitTimeSeconds=%00",
                        "InvalidParameterValue"),
                sqsQuery("binary garbage", new String(garbage(512), StandardCharsets.ISO_8859_1), "MalformedQueryString"),
                // a list member named only by its sub-keys reached the service as a null element
                sqsQuery("list member without a value", "Action=ReceiveMessage&QueueUrl=" + QUEUE + "&AttributeName.1.x=All",
                        "InvalidParameterValue"),
                // Unsigned and naming no service's action: a service the emulator does not serve, not S3's.
                query("unsigned, unknown Action", null, "/", "Action=NoSuchAction&Version=2012-11-05",
                        501, Envelope.QUERY_XML, "NotImplemented"),
                // Unsigned and unreadable: routing must not fail on it (it was a 500 from the server's error page).
                query("unsigned, malformed percent-encoding", null, "/", "Action=ListQueues&QueueNamePrefix=%zz",
                        405, Envelope.REST_XML, "MethodNotAllowed"));
    }

    private static BadRequest sqsQuery(String name, String form, String code) {
        return query(name, "sqs", "/", form, 400, Envelope.QUERY_XML, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"awsJsonCases", "cborCases", "queryCases"})
    void answersWithTheProtocolsErrorAndKeepsServing(BadRequest bad) throws Exception {
        Corpus.assertRejected(HTTP, TestAws.emulator().endpoint(), bad, queueUrl);
        Corpus.assertStillServing(queueUrl);
    }

    static byte[] garbage(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        b[0] = (byte) 0xFF; // never a valid start of a JSON or form document
        return b;
    }

    static byte[] repeat(byte b, int n) {
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, b);
        return out;
    }

    /** Strings (UTF-8) and byte arrays, concatenated. */
    static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
