package io.eventharness.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.standalone.StandaloneJar;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push chains as a user sets them up and watches them with Debian's AWS CLI v2 and boto3 against the standalone
 * jar: S3 → Lambda (with a key filter, the function's dead-letter queue after its retries on the emulator's clock),
 * S3 → SNS → SQS (the subject S3 publishes with), SNS → Lambda (a subscription dead-letter queue for deliveries the
 * function's policy refuses), SNS → SQS raw with a filter policy on the message body and an SQS mapping with partial
 * batch responses (boto3). What must <em>not</em> happen is checked after {@code POST /_harness/settle}, never after a
 * sleep. (S3 → SQS and the SQS mapping's own options have theirs: {@code S3NotificationsCliIT}, {@code SqsMappingCliIT}.)
 */
class PushChainsCliIT {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    /** Prints what each record carries; fails on anything that says "bad". */
    private static final String HANDLER = """
            def handler(event, context):
                for r in event["Records"]:
                    if "s3" in r:
                        what = "s3 " + r["s3"]["object"]["key"]
                    elif "Sns" in r:
                        what = "sns " + r["Sns"]["Message"] + " subject=" + str(r["Sns"]["Subject"])
                    else:
                        what = "sqs " + r["body"]
                    if "bad" in what:
                        raise ValueError("refused " + what)
                    print("got " + what)
            """;
    @TempDir
    static Path dir;
    private static Path zip;
    private static String role;

    @BeforeAll
    static void zipTheFunction() throws Exception {
        zip = dir.resolve("function.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("chain.py"));
            z.write(HANDLER.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        role = aws("iam", "create-role", "--role-name", Cli.unique("chain-role"), "--assume-role-policy-document", TRUST)
                .json().path("Role").path("Arn").asText();
    }

    @AfterAll
    static void noEmulatorBug() {
        StandaloneJar.ifStarted().ifPresent(jar -> assertThat(jar.log()).as("the emulator's log").doesNotContain("emulator bug"));
    }

    private static Cli.Result aws(String... args) {
        return Cli.aws(Cli.systemAws(), args);
    }

    /** A Python function of {@link #HANDLER}, Active; extra arguments go to create-function. */
    private static String function(String base, String... extra) {
        String fn = Cli.unique(base);
        List<String> args = new ArrayList<>(List.of("lambda", "create-function", "--function-name", fn, "--runtime", "python3.12",
                "--handler", "chain.handler", "--role", role, "--zip-file", "fileb://" + zip));
        args.addAll(List.of(extra));
        aws(args.toArray(String[]::new)).json();
        aws("lambda", "wait", "function-active-v2", "--function-name", fn).json();
        return fn;
    }

    /** A command whose output is not JSON ({@code s3 mb}, {@code s3 cp}): it succeeded. */
    private static void ok(Cli.Result r) {
        assertThat(r.exitCode()).as("exit status of %s\nstderr: %s", r.command(), r.stderr()).isZero();
    }

    private static String queue(String base) {
        return aws("sqs", "create-queue", "--queue-name", Cli.unique(base)).json().path("QueueUrl").asText();
    }

    private static String queueArn(String url) {
        return aws("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn").json()
                .path("Attributes").path("QueueArn").asText();
    }

    /** A queue policy letting {@code principal} send for {@code sourceArn}, set with the CLI. */
    private static void allowSend(String url, String principal, String sourceArn) throws Exception {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + principal + "\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn(url) + "\",\"Condition\":"
                + "{\"ArnEquals\":{\"aws:SourceArn\":\"" + sourceArn + "\"}}}]}";
        Path file = Files.writeString(dir.resolve(Cli.unique("policy") + ".json"), Cli.toJson(Map.of("Policy", policy)));
        aws("sqs", "set-queue-attributes", "--queue-url", url, "--attributes", "file://" + file).json();
    }

    /** The messages of the function's log that start with {@code got } or carry an error, trimmed. */
    private static List<String> log(String fn) {
        List<String> out = new ArrayList<>();
        aws("logs", "filter-log-events", "--log-group-name", "/aws/lambda/" + fn).json().path("events")
                .forEach(e -> out.add(e.path("message").asText().trim()));
        return out.stream().filter(m -> m.startsWith("got ") || m.contains("refused ")).toList();
    }

    private static List<JsonNode> receive(String url) {
        List<JsonNode> out = new ArrayList<>();
        aws("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10", "--message-attribute-names", "All")
                .json().path("Messages").forEach(out::add);
        return out;
    }

    private static void settle() {
        Cli.jar().settle(Duration.ofSeconds(60));
    }

    @Test
    void s3ToLambdaWithASuffixFilterAndTheFunctionsDeadLetterQueue() throws Exception {
        String dlq = queue("thumbs-dlq");
        String fn = function("thumbs", "--dead-letter-config", "TargetArn=" + queueArn(dlq));
        String bucket = Cli.unique("photos").toLowerCase();
        ok(aws("s3", "mb", "s3://" + bucket));
        aws("lambda", "add-permission", "--function-name", fn, "--statement-id", "s3", "--action", "lambda:InvokeFunction",
                "--principal", "s3.amazonaws.com", "--source-arn", "arn:aws:s3:::" + bucket).json();
        Path config = Files.writeString(dir.resolve("lambda-notification.json"), "{\"LambdaFunctionConfigurations\":[{\"Id\":"
                + "\"jpegs\",\"LambdaFunctionArn\":\"" + aws("lambda", "get-function", "--function-name", fn).json()
                .path("Configuration").path("FunctionArn").asText() + "\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":"
                + "{\"Key\":{\"FilterRules\":[{\"Name\":\"suffix\",\"Value\":\".jpg\"}]}}}]}");
        aws("s3api", "put-bucket-notification-configuration", "--bucket", bucket, "--notification-configuration",
                "file://" + config).json();

        Path file = Files.writeString(dir.resolve("photo.bin"), "pixels");
        for (String key : List.of("cat.jpg", "notes.txt", "bad.jpg")) {
            ok(aws("s3", "cp", file.toString(), "s3://" + bucket + "/" + key));
        }
        settle();
        assertThat(log(fn)).as("notes.txt triggered nothing").contains("got s3 cat.jpg")
                .noneMatch(l -> l.contains("notes.txt")).filteredOn(l -> l.contains("refused s3 bad.jpg")).hasSize(1);

        Cli.jar().advance(Duration.ofMinutes(3)); // the two retries, then the dead-letter queue
        List<JsonNode> dead = receive(dlq);
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(Cli.parse(m.path("Body").asText()).path("Records").get(0).path("s3").path("object").path("key").asText())
                    .isEqualTo("bad.jpg");
            assertThat(m.path("MessageAttributes").path("ErrorMessage").path("StringValue").asText()).contains("refused s3 bad.jpg");
        });
        assertThat(log(fn)).filteredOn(l -> l.contains("refused s3 bad.jpg")).as("three attempts").hasSize(3);
    }

    @Test
    void s3ToSnsToSqsCarriesS3sSubject() throws Exception {
        String bucket = Cli.unique("reports").toLowerCase();
        ok(aws("s3", "mb", "s3://" + bucket));
        String topic = aws("sns", "create-topic", "--name", Cli.unique("reports")).json().path("TopicArn").asText();
        String topicPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"s3.amazonaws.com\"},\"Action\":\"SNS:Publish\",\"Resource\":\"" + topic + "\",\"Condition\":{\"ArnLike\":"
                + "{\"aws:SourceArn\":\"arn:aws:s3:*:*:" + bucket + "\"}}}]}";
        aws("sns", "set-topic-attributes", "--topic-arn", topic, "--attribute-name", "Policy", "--attribute-value", topicPolicy).json();
        String subscriber = queue("report-events");
        allowSend(subscriber, "sns.amazonaws.com", topic);
        aws("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint", queueArn(subscriber)).json();
        Path config = Files.writeString(dir.resolve("topic-notification.json"), "{\"TopicConfigurations\":[{\"TopicArn\":\""
                + topic + "\",\"Events\":[\"s3:ObjectCreated:Put\"]}]}");
        aws("s3api", "put-bucket-notification-configuration", "--bucket", bucket, "--notification-configuration",
                "file://" + config).json();

        Path file = Files.writeString(dir.resolve("q3.csv"), "a,b\n");
        ok(aws("s3", "cp", file.toString(), "s3://" + bucket + "/q3.csv"));

        List<JsonNode> got = receive(subscriber).stream().map(m -> Cli.parse(m.path("Body").asText())).toList();
        assertThat(got).hasSize(2).allSatisfy(n -> assertThat(n.path("Subject").asText()).isEqualTo("Amazon S3 Notification"));
        assertThat(Cli.parse(got.get(0).path("Message").asText()).path("Event").asText()).isEqualTo("s3:TestEvent");
        JsonNode record = Cli.parse(got.get(1).path("Message").asText()).path("Records").get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("s3").path("object").path("key").asText()).isEqualTo("q3.csv");
    }

    @Test
    void snsToLambdaAndASubscriptionDeadLetterQueueForWhatTheFunctionRefuses() throws Exception {
        String fn = function("audit");
        String fnArn = aws("lambda", "get-function", "--function-name", fn).json().path("Configuration").path("FunctionArn").asText();
        String topic = aws("sns", "create-topic", "--name", Cli.unique("audit")).json().path("TopicArn").asText();
        String dlq = queue("audit-undelivered");
        allowSend(dlq, "sns.amazonaws.com", topic);
        aws("lambda", "add-permission", "--function-name", fn, "--statement-id", "sns", "--action", "lambda:InvokeFunction",
                "--principal", "sns.amazonaws.com", "--source-arn", topic).json();
        Path attributes = Files.writeString(dir.resolve("subscription.json"),
                Cli.toJson(Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + queueArn(dlq) + "\"}")));
        aws("sns", "subscribe", "--topic-arn", topic, "--protocol", "lambda", "--notification-endpoint", fnArn,
                "--attributes", "file://" + attributes).json();

        aws("sns", "publish", "--topic-arn", topic, "--message", "refund 12", "--subject", "Refund").json();
        settle();
        assertThat(log(fn)).containsExactly("got sns refund 12 subject=Refund");

        aws("lambda", "remove-permission", "--function-name", fn, "--statement-id", "sns").json();
        aws("sns", "publish", "--topic-arn", topic, "--message", "refund 13").json();
        settle();
        assertThat(log(fn)).as("the function's policy refuses the topic now").hasSize(1);
        assertThat(receive(dlq)).singleElement().satisfies(m -> {
            JsonNode envelope = Cli.parse(m.path("Body").asText());
            assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
            assertThat(envelope.path("Message").asText()).isEqualTo("refund 13");
        });
    }

    @Test
    void boto3SetsUpARawBodyFilteredSubscriptionAndAMappingWithPartialBatchResponses() {
        String fn = function("orders");
        JsonNode r = Boto3.run("""
                import urllib.request
                sqs, sns, lam = client("sqs"), client("sns"), client("lambda")
                def settle():
                    req = urllib.request.Request(os.environ["ENDPOINT"] + "/_harness/settle", data=b'{"timeoutSeconds": 60}', method="POST")
                    return json.load(urllib.request.urlopen(req))["settled"]
                def arn(url):
                    return sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
                topic = sns.create_topic(Name="%1$s-topic")["TopicArn"]
                orders = sqs.create_queue(QueueName="%1$s-orders", Attributes={"VisibilityTimeout": "30"})["QueueUrl"]
                policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                          "Action": "sqs:SendMessage", "Resource": arn(orders), "Condition": {"ArnEquals": {"aws:SourceArn": topic}}}]}
                sqs.set_queue_attributes(QueueUrl=orders, Attributes={"Policy": json.dumps(policy)})
                sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn(orders), Attributes={"RawMessageDelivery": "true",
                              "FilterPolicyScope": "MessageBody", "FilterPolicy": json.dumps({"order": {"total": [{"numeric": [">", 100]}]}})})
                mapping = lam.create_event_source_mapping(EventSourceArn=arn(orders), FunctionName="%2$s", BatchSize=10,
                                                          MaximumBatchingWindowInSeconds=0, FunctionResponseTypes=["ReportBatchItemFailures"])
                for total in (50, 150, 250):
                    sns.publish(TopicArn=topic, Message=json.dumps({"order": {"total": total}}))
                settled = settle()
                logs = client("logs").filter_log_events(logGroupName="/aws/lambda/%2$s", filterPattern="got")["events"]
                got = sorted(e["message"].strip() for e in logs)
                left = sqs.get_queue_attributes(QueueUrl=orders, AttributeNames=["ApproximateNumberOfMessages",
                                                "ApproximateNumberOfMessagesNotVisible"])["Attributes"]
                state = lam.get_event_source_mapping(UUID=mapping["UUID"])
                out({"settled": settled, "got": got, "left": left, "state": state["State"],
                     "responseTypes": state["FunctionResponseTypes"]})
                """.formatted(Cli.unique("boto").toLowerCase(), fn));
        assertThat(r.path("settled").asBoolean()).isTrue();
        assertThat(r.path("got")).extracting(JsonNode::asText)
                .containsExactly("got sqs {\"order\": {\"total\": 150}}", "got sqs {\"order\": {\"total\": 250}}");
        assertThat(r.path("left").path("ApproximateNumberOfMessages").asText()).isEqualTo("0");
        assertThat(r.path("left").path("ApproximateNumberOfMessagesNotVisible").asText()).as("both deleted").isEqualTo("0");
        assertThat(r.path("state").asText()).isEqualTo("Enabled");
        assertThat(r.path("responseTypes")).extracting(JsonNode::asText).containsExactly("ReportBatchItemFailures");
    }

    @Test
    void theCliSetsAMappingsMaximumConcurrency() {
        String fn = function("capped");
        String url = queue("capped");
        JsonNode m = aws("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn", queueArn(url),
                "--batch-size", "1", "--scaling-config", "MaximumConcurrency=2").json();
        assertThat(m.path("ScalingConfig").path("MaximumConcurrency").asInt()).isEqualTo(2);
        aws("sqs", "send-message", "--queue-url", url, "--message-body", "one").json();
        settle();
        assertThat(log(fn)).containsExactly("got sqs one");
    }
}
