package io.eventharness.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.standalone.StandaloneJar;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kinesis event source mapping as a user types it with Debian's AWS CLI against the standalone jar: a stream, a
 * Python function, {@code create-event-source-mapping} with a starting position, retries and an on-failure queue,
 * records put with the CLI, the function's log showing them and the queue the failure ({@code POST /_harness/settle}
 * and {@code /_harness/clock/advance} instead of waits); and the same through boto3.
 */
class KinesisMappingCliIT {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String HANDLER = """
            import base64

            def handler(event, context):
                for r in event["Records"]:
                    data = base64.b64decode(r["kinesis"]["data"]).decode()
                    print("got " + data + " from " + r["eventID"].split(":")[0])
                    if data == "poison":
                        raise ValueError("poison")
            """;
    @TempDir
    static Path dir;
    private static Path zip;

    @BeforeAll
    static void zipTheFunction() throws Exception {
        zip = dir.resolve("function.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("consumer.py"));
            z.write(HANDLER.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
    }

    @AfterAll
    static void noEmulatorBug() {
        StandaloneJar.ifStarted().ifPresent(jar -> assertThat(jar.log()).as("the emulator's log").doesNotContain("emulator bug"));
    }

    private static Cli.Result aws(String... args) {
        return Cli.aws(Cli.systemAws(), args);
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMappingCreatedWithTheCliInvokesTheFunctionAndSendsWhatFailsToTheQueue() {
        String stream = Cli.unique("clicks");
        aws("kinesis", "create-stream", "--stream-name", stream, "--shard-count", "1").json();
        String streamArn = aws("kinesis", "describe-stream-summary", "--stream-name", stream).json().path("StreamDescriptionSummary")
                .path("StreamARN").asText();
        String url = aws("sqs", "create-queue", "--queue-name", Cli.unique("failed")).json().path("QueueUrl").asText();
        String queueArn = aws("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn").json()
                .path("Attributes").path("QueueArn").asText();
        String role = aws("iam", "create-role", "--role-name", Cli.unique("consumer-role"), "--assume-role-policy-document", TRUST)
                .json().path("Role").path("Arn").asText();
        String fn = Cli.unique("consumer");
        aws("lambda", "create-function", "--function-name", fn, "--runtime", "python3.12", "--handler", "consumer.handler",
                "--role", role, "--zip-file", "fileb://" + zip).json();
        aws("lambda", "wait", "function-active-v2", "--function-name", fn).json();

        JsonNode mapping = aws("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn", streamArn,
                "--starting-position", "TRIM_HORIZON", "--batch-size", "10", "--maximum-retry-attempts", "1",
                "--destination-config", "{\"OnFailure\": {\"Destination\": \"" + queueArn + "\"}}").json();
        assertThat(mapping.path("State").asText()).isEqualTo("Creating");
        assertThat(mapping.path("StartingPosition").asText()).isEqualTo("TRIM_HORIZON");
        assertThat(mapping.path("MaximumRetryAttempts").asInt()).isEqualTo(1);
        assertThat(mapping.path("DestinationConfig").path("OnFailure").path("Destination").asText()).isEqualTo(queueArn);
        String uuid = mapping.path("UUID").asText();

        aws("kinesis", "put-record", "--stream-name", stream, "--partition-key", "a", "--data", base64("hello")).json();
        aws("kinesis", "put-record", "--stream-name", stream, "--partition-key", "a", "--data", base64("world")).json();
        Cli.jar().settle(Duration.ofSeconds(30));
        JsonNode events = aws("logs", "filter-log-events", "--log-group-name", "/aws/lambda/" + fn, "--filter-pattern", "got").json()
                .path("events");
        assertThat(events).extracting(e -> e.path("message").asText().trim())
                .containsExactly("got hello from shardId-000000000000", "got world from shardId-000000000000");

        aws("kinesis", "put-record", "--stream-name", stream, "--partition-key", "a", "--data", base64("poison")).json();
        Cli.jar().settle(Duration.ofSeconds(30));
        Cli.jar().advance(Duration.ofSeconds(2));
        Cli.jar().settle(Duration.ofSeconds(30));
        JsonNode failed = aws("sqs", "receive-message", "--queue-url", url).json().path("Messages");
        assertThat(failed).singleElement().satisfies(m -> {
            JsonNode r = Cli.parse(m.path("Body").asText());
            assertThat(r.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
            assertThat(r.path("KinesisBatchInfo").path("streamArn").asText()).isEqualTo(streamArn);
        });
        assertThat(aws("lambda", "get-event-source-mapping", "--uuid", uuid).json().path("LastProcessingResult").asText())
                .isEqualTo("PROBLEM: Function call failed");
        assertThat(aws("lambda", "delete-event-source-mapping", "--uuid", uuid).json().path("State").asText()).isEqualTo("Deleting");
    }

    @Test
    void boto3CreatesAMappingFromLatestAndItsFunctionGetsWhatComesAfter() {
        String role = aws("iam", "create-role", "--role-name", Cli.unique("boto-role"), "--assume-role-policy-document", TRUST)
                .json().path("Role").path("Arn").asText();
        JsonNode r = Boto3.run("""
                import time, urllib.request
                kinesis, lam, logs = client("kinesis"), client("lambda"), client("logs")
                name, fn = "%s", "%s"
                kinesis.create_stream(StreamName=name, ShardCount=2)
                kinesis.get_waiter("stream_exists").wait(StreamName=name)
                arn = kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamARN"]
                kinesis.put_record(StreamName=name, PartitionKey="x", Data=b"before")
                lam.create_function(FunctionName=fn, Runtime="python3.12", Handler="consumer.handler", Role="%s",
                                    Code={"ZipFile": open("%s", "rb").read()})
                lam.get_waiter("function_active_v2").wait(FunctionName=fn)
                m = lam.create_event_source_mapping(EventSourceArn=arn, FunctionName=fn, StartingPosition="LATEST",
                                                    ParallelizationFactor=2, BisectBatchOnFunctionError=True)
                kinesis.put_record(StreamName=name, PartitionKey="x", Data=b"after")
                urllib.request.urlopen(urllib.request.Request(os.environ["ENDPOINT"] + "/_harness/settle",
                                                              data=b'{"timeoutSeconds": 30}', method="POST")).read()
                got = [e["message"].strip() for e in logs.filter_log_events(logGroupName="/aws/lambda/" + fn,
                                                                            filterPattern="got")["events"]]
                out({"got": [g.split(" from ")[0] for g in got], "parallelization": m["ParallelizationFactor"],
                     "bisect": m["BisectBatchOnFunctionError"], "state": lam.get_event_source_mapping(UUID=m["UUID"])["State"],
                     "refused": error_of(lambda: lam.create_event_source_mapping(EventSourceArn=arn, FunctionName=fn,
                                                                                StartingPosition="LATEST"))})
                """.formatted(Cli.unique("boto-clicks"), Cli.unique("boto-consumer"), role, zip));
        assertThat(r.path("got")).extracting(JsonNode::asText).containsExactly("got after");
        assertThat(r.path("parallelization").asInt()).isEqualTo(2);
        assertThat(r.path("bisect").asBoolean()).isTrue();
        assertThat(r.path("state").asText()).isEqualTo("Enabled");
        assertThat(r.path("refused").path("type").asText()).isEqualTo("ResourceConflictException");
    }
}
