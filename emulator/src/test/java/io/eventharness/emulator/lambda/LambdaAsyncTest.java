package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.delivery.TrailEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Asynchronous invocation: retries after about one and two minutes on the emulator clock (moved, not
 * waited for), then the dead-letter queue or the destinations.
 */
class LambdaAsyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LambdaClient lambda = Functions.lambda();
    private final SqsClient sqs = TestAws.sqs();

    private String queue(String[] arnOut) {
        return Functions.queue(sqs, TestAws.unique("q"), arnOut);
    }

    private static List<TrailEntry> attempts(String fn) {
        return TestAws.emulator().trail().matching(e -> e.kind().equals("lambda:InvokeAsync") && e.target().contains(":" + fn + ":"));
    }

    /** The retries scheduled for the function so far (each says when it falls due). */
    private static List<TrailEntry> retries(String fn) {
        return TestAws.emulator().trail().matching(e -> e.kind().equals("lambda:Retry") && e.target().contains(":" + fn + ":"));
    }

    private List<Message> receive(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).messageAttributeNames("All")).messages();
    }

    @Test
    void aFailingEventIsRetriedTwiceOnTheClockThenGoesToTheDeadLetterQueue() throws Exception {
        String[] dlqArn = new String[1];
        String dlq = queue(dlqArn);
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK,
                b -> b.deadLetterConfig(d -> d.targetArn(dlqArn[0])));

        lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"x\":1,\"y\":0}")));

        await().atMost(Duration.ofSeconds(20)).until(() -> retries(fn).size() == 1);
        assertThat(attempts(fn)).hasSize(1);
        TestAws.emulator().clock().freeze(); // real seconds going by must not bring the retry before the test moves the clock
        try {
            TestAws.emulator().clock().advance(Duration.ofSeconds(59));
            assertThat(attempts(fn)).hasSize(1);
            TestAws.emulator().clock().advance(Duration.ofSeconds(1));
            assertThat(attempts(fn)).hasSize(2);
        } finally {
            TestAws.emulator().clock().unfreeze();
        }
        assertThat(receive(dlq)).isEmpty();
        TestAws.emulator().clock().advance(Duration.ofMinutes(2));
        assertThat(attempts(fn)).hasSize(3).allSatisfy(e -> assertThat(e.outcome()).startsWith("error ZeroDivisionError"));

        List<Message> dead = receive(dlq);
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("{\"x\":1,\"y\":0}");
            assertThat(m.messageAttributes().get("ErrorCode").dataType()).isEqualTo("Number");
            assertThat(m.messageAttributes().get("ErrorCode").stringValue()).isEqualTo("200");
            assertThat(m.messageAttributes().get("ErrorMessage").stringValue()).isEqualTo("division by zero");
            assertThat(m.messageAttributes().get("RequestID").stringValue()).isNotBlank();
        });
    }

    @Test
    void movingTheClockRightAfterAnEventInvokeLetsTheFirstAttemptEndFirst() throws Exception {
        String[] dlqArn = new String[1];
        String dlq = queue(dlqArn);
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK,
                b -> b.deadLetterConfig(d -> d.targetArn(dlqArn[0])));

        lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"x\":1,\"y\":0}")));
        // No wait for the first attempt: four minutes hold it, its retry about a minute after it failed, and the
        // second about two minutes after the first retry failed (each counted from the end of an attempt).
        TestAws.emulator().clock().advance(Duration.ofMinutes(4));

        assertThat(attempts(fn)).hasSize(3);
        assertThat(receive(dlq)).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("{\"x\":1,\"y\":0}"));
    }

    @Test
    void destinationsGetInvocationRecords() throws Exception {
        String[] okArn = new String[1];
        String[] failArn = new String[1];
        String ok = queue(okArn);
        String failed = queue(failArn);
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK);
        lambda.putFunctionEventInvokeConfig(b -> b.functionName(fn).maximumRetryAttempts(0).destinationConfig(d -> d
                .onSuccess(s -> s.destination(okArn[0])).onFailure(f -> f.destination(failArn[0]))));

        lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"x\":9,\"y\":3}")));
        lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"x\":9,\"y\":0}")));

        JsonNode success = JSON.readTree(await().atMost(Duration.ofSeconds(20)).until(() -> receive(ok), l -> !l.isEmpty()).get(0).body());
        assertThat(success.path("version").asText()).isEqualTo("1.0");
        assertThat(success.path("requestContext").path("condition").asText()).isEqualTo("Success");
        assertThat(success.path("requestContext").path("functionArn").asText()).endsWith(":" + fn + ":$LATEST");
        assertThat(success.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(success.path("requestPayload").path("x").asInt()).isEqualTo(9);
        assertThat(success.path("responseContext").path("statusCode").asInt()).isEqualTo(200);
        assertThat(success.path("responsePayload").asText()).isEqualTo("{\"result\": 3.0}");

        JsonNode failure = JSON.readTree(await().atMost(Duration.ofSeconds(20)).until(() -> receive(failed), l -> !l.isEmpty()).get(0).body());
        assertThat(failure.path("requestContext").path("condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(failure.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
        assertThat(failure.path("responsePayload").path("errorType").asText()).isEqualTo("ZeroDivisionError");
    }

    @Test
    void anEventOlderThanMaximumEventAgeGoesToOnFailureInsteadOfItsRetry() throws Exception {
        String[] failArn = new String[1];
        String failed = queue(failArn);
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK);
        lambda.putFunctionEventInvokeConfig(b -> b.functionName(fn).maximumEventAgeInSeconds(60)
                .destinationConfig(d -> d.onFailure(f -> f.destination(failArn[0]))));

        lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"x\":1,\"y\":0}")));
        await().atMost(Duration.ofSeconds(20)).until(() -> retries(fn).size() == 1);
        assertThat(receive(failed)).isEmpty();

        // The first retry falls due a minute after the first attempt ended: by then the event is older than 60 s.
        TestAws.emulator().clock().advance(Duration.ofSeconds(61));
        assertThat(attempts(fn)).hasSize(1);
        JsonNode record = JSON.readTree(receive(failed).get(0).body());
        assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("EventAgeExceeded");
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(record.path("requestContext").path("functionArn").asText()).endsWith(":" + fn + ":$LATEST");
        assertThat(record.path("requestPayload").path("y").asInt()).isZero();
    }

    @Test
    void onSuccessCanBeAnotherFunction() throws Exception {
        String recorder = Functions.python(lambda, "recorder.handler", "recorder", """
                import json

                def handler(event, context):
                    print("record " + json.dumps(event))
                """);
        String recorderArn = lambda.getFunction(b -> b.functionName(recorder)).configuration().functionArn();
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK);
        lambda.putFunctionEventInvokeConfig(b -> b.functionName(fn).destinationConfig(d -> d.onSuccess(s -> s.destination(recorderArn))));

        lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"x\":9,\"y\":3}")));

        String line = await().atMost(Duration.ofSeconds(30)).until(() -> Functions.logMessages(recorder).stream()
                .filter(l -> l.startsWith("record ")).findFirst(), java.util.Optional::isPresent).get();
        JsonNode record = JSON.readTree(line.substring("record ".length()));
        assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("Success");
        assertThat(record.path("requestContext").path("functionArn").asText()).endsWith(":" + fn + ":$LATEST");
        assertThat(record.path("requestPayload").path("x").asInt()).isEqualTo(9);
        assertThat(record.path("responsePayload").asText()).isEqualTo("{\"result\": 3.0}");
        assertThat(TestAws.emulator().trail().matching(e -> e.kind().equals("lambda:OnSuccess") && e.target().equals(recorderArn)))
                .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("delivered"));
    }

    @Test
    void aDeadLetterTopicPassesThePayloadOnWithTheErrorAsMessageAttributes() throws Exception {
        String[] queueArn = new String[1];
        String queue = queue(queueArn);
        String topic = TestAws.sns().createTopic(b -> b.name(TestAws.unique("dlq"))).topicArn();
        TestAws.sns().subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn[0]));
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK,
                b -> b.deadLetterConfig(d -> d.targetArn(topic)));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName(fn).maximumRetryAttempts(0));

        String requestId = lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"x\":1,\"y\":0}"))).responseMetadata().requestId();

        Message m = await().atMost(Duration.ofSeconds(20)).until(() -> receive(queue), l -> !l.isEmpty()).get(0);
        JsonNode envelope = JSON.readTree(m.body());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(topic);
        assertThat(envelope.path("Message").asText()).isEqualTo("{\"x\":1,\"y\":0}");
        JsonNode attrs = envelope.path("MessageAttributes");
        assertThat(attrs.path("RequestID").path("Type").asText()).isEqualTo("String");
        assertThat(attrs.path("RequestID").path("Value").asText()).isEqualTo(requestId);
        assertThat(attrs.path("ErrorCode").path("Type").asText()).isEqualTo("Number");
        assertThat(attrs.path("ErrorCode").path("Value").asText()).isEqualTo("200");
        assertThat(attrs.path("ErrorMessage").path("Type").asText()).isEqualTo("String");
        assertThat(attrs.path("ErrorMessage").path("Value").asText()).isEqualTo("division by zero");
    }

    @Test
    void aLongRetryDoesNotHoldUpTheClockButAdvanceWaitsForIt(@TempDir(factory = io.eventharness.emulator.lambda.runtime.Functions.SharedWithSandboxes.class) Path dir) throws Exception {
        // Fails once; on its retry, stays inside the function until the test releases it.
        String fn = Functions.python(lambda, "slow_retry.handler", "slow_retry", """
                import os, time

                def handler(event, context):
                    if not os.path.exists(event["failed"]):
                        open(event["failed"], "w").close()
                        raise RuntimeError("first attempt fails")
                    open(event["retrying"], "w").close()
                    while not os.path.exists(event["release"]):
                        time.sleep(0.01)
                    return "done"
                """, b -> b.timeout(60));
        String event = "{\"failed\":\"" + dir.resolve("failed") + "\",\"retrying\":\"" + dir.resolve("retrying")
                + "\",\"release\":\"" + dir.resolve("release") + "\"}";
        lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(event)));
        await().atMost(Duration.ofSeconds(20)).until(() -> retries(fn).size() == 1);

        CompletableFuture<java.time.Instant> advancing = CompletableFuture.supplyAsync(
                () -> TestAws.emulator().clock().advance(AsyncInvoker.FIRST_RETRY));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("retrying")));

        // While the retry runs, the clock still runs what falls due...
        CountDownLatch fired = new CountDownLatch(1);
        TestAws.emulator().clock().schedule(Duration.ZERO, fired::countDown);
        assertThat(fired.await(10, TimeUnit.SECONDS)).as("a task due now ran while a retry was running").isTrue();
        // ...and advance() has not returned: it waits for the retry that fell due.
        assertThat(advancing).isNotDone();

        Files.writeString(dir.resolve("release"), "go");
        advancing.get(30, TimeUnit.SECONDS);
        assertThat(attempts(fn)).hasSize(2).last().satisfies(e -> assertThat(e.outcome()).startsWith("ok"));
    }
}
