package io.eventharness.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.standalone.StandaloneJar;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DynamoDB stream mapping as a user types it with Debian's AWS CLI against the standalone jar: a table with a stream
 * and Time to Live, a Python function, {@code create-event-source-mapping} with a starting position, a filter on the
 * record's {@code dynamodb} fields, no retry and an on-failure queue; items put, updated, deleted and expired with the
 * CLI, the function's log showing each change and the queue the failure ({@code POST /_harness/settle} and
 * {@code /_harness/clock/advance} instead of waits); and through boto3: LATEST, a tumbling window with
 * ReportBatchItemFailures, AT_TIMESTAMP refused.
 */
class DynamoDbMappingCliIT {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String HANDLER = """
            def handler(event, context):
                for r in event["Records"]:
                    d = r["dynamodb"]
                    v = d.get("NewImage", d.get("OldImage", {})).get("v", {}).get("S", "-")
                    by = r.get("userIdentity", {}).get("principalId", "user")
                    print("got %s %s %s by %s" % (r["eventName"], d["Keys"]["pk"]["S"], v, by))
                    if v == "poison":
                        raise ValueError("poison")
                if "window" in event:
                    return {"state": {"n": event["state"].get("n", 0) + len(event["Records"])}}
            """;
    @TempDir
    static Path dir;
    private static Path zip;

    @BeforeAll
    static void zipTheFunction() throws Exception {
        zip = dir.resolve("function.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("audit.py"));
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

    private static String role() {
        return aws("iam", "create-role", "--role-name", Cli.unique("audit-role"), "--assume-role-policy-document", TRUST)
                .json().path("Role").path("Arn").asText();
    }

    private static String item(String pk, String v, String more) {
        return "{\"pk\": {\"S\": \"" + pk + "\"}, \"v\": {\"S\": \"" + v + "\"}" + more + "}";
    }

    @Test
    void aMappingCreatedWithTheCliSeesEveryChangeIncludingTimeToLiveAndSendsWhatFailsToTheQueue() {
        String table = Cli.unique("orders");
        String streamArn = aws("dynamodb", "create-table", "--table-name", table, "--billing-mode", "PAY_PER_REQUEST",
                "--attribute-definitions", "AttributeName=pk,AttributeType=S", "--key-schema", "AttributeName=pk,KeyType=HASH",
                "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES").json()
                .path("TableDescription").path("LatestStreamArn").asText();
        aws("dynamodb", "update-time-to-live", "--table-name", table, "--time-to-live-specification", "Enabled=true,AttributeName=expires").json();
        String url = aws("sqs", "create-queue", "--queue-name", Cli.unique("failed")).json().path("QueueUrl").asText();
        String queueArn = aws("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn").json()
                .path("Attributes").path("QueueArn").asText();
        String fn = Cli.unique("audit");
        aws("lambda", "create-function", "--function-name", fn, "--runtime", "python3.12", "--handler", "audit.handler",
                "--role", role(), "--zip-file", "fileb://" + zip).json();
        aws("lambda", "wait", "function-active-v2", "--function-name", fn).json();

        JsonNode mapping = aws("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn", streamArn,
                "--starting-position", "TRIM_HORIZON", "--batch-size", "10", "--maximum-retry-attempts", "0",
                "--filter-criteria", "{\"Filters\": [{\"Pattern\": \"{\\\"dynamodb\\\": {\\\"Keys\\\": {\\\"pk\\\": {\\\"S\\\": [{\\\"anything-but\\\": [\\\"noise\\\"]}]}}}}\"}]}",
                "--destination-config", "{\"OnFailure\": {\"Destination\": \"" + queueArn + "\"}}").json();
        assertThat(mapping.path("State").asText()).isEqualTo("Creating");
        assertThat(mapping.path("StartingPosition").asText()).isEqualTo("TRIM_HORIZON");
        assertThat(mapping.path("BatchSize").asInt()).isEqualTo(10);
        assertThat(mapping.path("MaximumRetryAttempts").asInt()).isZero();
        String uuid = mapping.path("UUID").asText();

        long expires = Cli.jar().clockMillis() / 1000 + 3600;
        aws("dynamodb", "put-item", "--table-name", table, "--item", item("o1", "new", ", \"expires\": {\"N\": \"" + expires + "\"}")).json();
        Cli.jar().settle(Duration.ofSeconds(30));
        aws("dynamodb", "update-item", "--table-name", table, "--key", "{\"pk\": {\"S\": \"o1\"}}", "--update-expression", "SET v = :v",
                "--expression-attribute-values", "{\":v\": {\"S\": \"paid\"}}").json();
        aws("dynamodb", "put-item", "--table-name", table, "--item", item("noise", "ignored", "")).json();
        aws("dynamodb", "put-item", "--table-name", table, "--item", item("o2", "x", "")).json();
        aws("dynamodb", "delete-item", "--table-name", table, "--key", "{\"pk\": {\"S\": \"o2\"}}").json();
        Cli.jar().settle(Duration.ofSeconds(30));
        Cli.jar().advance(Duration.ofSeconds(3601));
        Cli.jar().settle(Duration.ofSeconds(30));

        JsonNode events = aws("logs", "filter-log-events", "--log-group-name", "/aws/lambda/" + fn, "--filter-pattern", "got").json()
                .path("events");
        assertThat(events).extracting(e -> e.path("message").asText().trim()).containsExactly("got INSERT o1 new by user",
                "got MODIFY o1 paid by user", "got INSERT o2 x by user", "got REMOVE o2 x by user",
                "got REMOVE o1 paid by dynamodb.amazonaws.com");

        aws("dynamodb", "put-item", "--table-name", table, "--item", item("o3", "poison", "")).json();
        Cli.jar().settle(Duration.ofSeconds(30));
        JsonNode failed = aws("sqs", "receive-message", "--queue-url", url).json().path("Messages");
        assertThat(failed).singleElement().satisfies(m -> {
            JsonNode r = Cli.parse(m.path("Body").asText());
            assertThat(r.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
            assertThat(r.path("DDBStreamBatchInfo").path("streamArn").asText()).isEqualTo(streamArn);
            assertThat(r.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(1);
        });
        assertThat(aws("lambda", "get-event-source-mapping", "--uuid", uuid).json().path("LastProcessingResult").asText())
                .isEqualTo("PROBLEM: Function call failed");
        assertThat(aws("lambda", "delete-event-source-mapping", "--uuid", uuid).json().path("State").asText()).isEqualTo("Deleting");
    }

    @Test
    void boto3MapsFromLatestWithATumblingWindowAndIsToldAtTimestampIsForKinesis() {
        JsonNode r = Boto3.run("""
                import datetime, urllib.request
                ddb, lam, logs = client("dynamodb"), client("lambda"), client("logs")
                table, fn = "%s", "%s"
                def settle():
                    urllib.request.urlopen(urllib.request.Request(os.environ["ENDPOINT"] + "/_harness/settle",
                                                                  data=b'{"timeoutSeconds": 30}', method="POST")).read()
                arn = ddb.create_table(TableName=table, BillingMode="PAY_PER_REQUEST",
                                       AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                                       KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                                       StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"}
                                       )["TableDescription"]["LatestStreamArn"]
                ddb.put_item(TableName=table, Item={"pk": {"S": "before"}, "v": {"S": "1"}})
                lam.create_function(FunctionName=fn, Runtime="python3.12", Handler="audit.handler", Role="%s",
                                    Code={"ZipFile": open("%s", "rb").read()})
                lam.get_waiter("function_active_v2").wait(FunctionName=fn)
                m = lam.create_event_source_mapping(EventSourceArn=arn, FunctionName=fn, StartingPosition="LATEST",
                                                    TumblingWindowInSeconds=60, FunctionResponseTypes=["ReportBatchItemFailures"],
                                                    ParallelizationFactor=3)
                ddb.put_item(TableName=table, Item={"pk": {"S": "after"}, "v": {"S": "2"}})
                settle()
                got = [e["message"].strip() for e in logs.filter_log_events(logGroupName="/aws/lambda/" + fn,
                                                                            filterPattern="got")["events"]]
                out({"got": got, "window": m["TumblingWindowInSeconds"], "parallelization": m["ParallelizationFactor"],
                     "types": m["FunctionResponseTypes"], "state": lam.get_event_source_mapping(UUID=m["UUID"])["State"],
                     "atTimestamp": error_of(lambda: lam.create_event_source_mapping(EventSourceArn=arn, FunctionName=fn,
                                                     StartingPosition="AT_TIMESTAMP", StartingPositionTimestamp=datetime.datetime.now())),
                     "duplicate": error_of(lambda: lam.create_event_source_mapping(EventSourceArn=arn, FunctionName=fn,
                                                                                  StartingPosition="LATEST"))})
                """.formatted(Cli.unique("boto-orders"), Cli.unique("boto-audit"), role(), zip));
        assertThat(r.path("got")).extracting(JsonNode::asText).containsExactly("got INSERT after 2 by user");
        assertThat(r.path("window").asInt()).isEqualTo(60);
        assertThat(r.path("parallelization").asInt()).isEqualTo(3);
        assertThat(r.path("types")).extracting(JsonNode::asText).containsExactly("ReportBatchItemFailures");
        assertThat(r.path("state").asText()).isEqualTo("Enabled");
        assertThat(r.path("atTimestamp").path("code").asText()).isEqualTo("InvalidParameterValueException");
        assertThat(r.path("duplicate").path("type").asText()).isEqualTo("ResourceConflictException");
    }
}
