package io.eventharness.emulator.lambda;

import static io.eventharness.emulator.lambda.Functions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.TestAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The engine's settings on {@code Emulator.Builder}: keep-alive, async workers, work directory, log bound. */
class LambdaEngineSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir(factory = io.eventharness.emulator.lambda.runtime.Functions.SharedWithSandboxes.class) // sandboxes have their own /tmp
    Path dir;

    /** Whether the invocation started a sandbox: only a cold start's REPORT line has an Init Duration. */
    private static boolean cold(InvokeResponse r) {
        return new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8).contains("\tInit Duration: ");
    }

    private static boolean coldInvoke(LambdaClient lambda, String fn) {
        return cold(lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(json(Hold.quick(0)))));
    }

    @Test
    void theKeepAliveDecidesWhenAnIdleSandboxRetires() {
        try (OwnEmulator aws = new OwnEmulator(b -> b.withLambdaKeepAlive(Duration.ofMinutes(1)))) {
            LambdaClient lambda = aws.lambda();
            String fn = aws.python(Hold.HANDLER, Hold.MODULE, Hold.source("v1"), b -> { });
            assertThat(coldInvoke(lambda, fn)).isTrue();
            aws.emulator.clock().advance(Duration.ofSeconds(50));
            assertThat(coldInvoke(lambda, fn)).as("idle 50 s of 60").isFalse();
            aws.emulator.clock().advance(Duration.ofSeconds(61));
            assertThat(coldInvoke(lambda, fn)).as("idle past the keep-alive").isTrue();
        }
        // the default (10 minutes) keeps it past a minute
        LambdaClient lambda = Functions.lambda();
        String fn = Functions.python(lambda, Hold.HANDLER, Hold.MODULE, Hold.source("v1"));
        assertThat(coldInvoke(lambda, fn)).isTrue();
        TestAws.emulator().clock().advance(Duration.ofSeconds(61));
        assertThat(coldInvoke(lambda, fn)).isFalse();
    }

    @Test
    void asyncWorkersBoundHowManyEventsRunAtOnceAndTheRestWait() throws Exception {
        try (OwnEmulator aws = new OwnEmulator(b -> b.withLambdaAsyncWorkers(1))) {
            LambdaClient lambda = aws.lambda();
            String fn = aws.python(Hold.HANDLER, Hold.MODULE, Hold.source("v1"), b -> b.timeout(60));
            Path release = dir.resolve("release");
            for (int n = 0; n < 3; n++) {
                String event = Hold.held(n, dir.resolve("started-" + n), release);
                lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(json(event)));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> started() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> started() == 1);
            assertThat(Files.exists(dir.resolve("started-0"))).as("first come, first served").isTrue();

            Files.writeString(release, "go");
            await().atMost(Duration.ofSeconds(30)).until(() -> aws.emulator.trail().matching(e -> e.kind().equals("lambda:InvokeAsync")
                    && e.target().contains(":" + fn + ":") && e.outcome().startsWith("ok")).size() == 3);
            assertThat(started()).isEqualTo(3);
        }
    }

    private long started() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("started-")).count();
        }
    }

    @Test
    void aSandboxThatCannotStartIsAFunctionErrorAndItsEventReachesTheDeadLetterQueue() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        // no spare sandbox: one would have been started, and would take the invocation, before the directory breaks
        try (OwnEmulator aws = new OwnEmulator(b -> b.withLambdaWorkDirectory(work).withLambdaSpareSandboxes(false))) {
            LambdaClient lambda = aws.lambda();
            SqsClient sqs = aws.sqs();
            String[] dlqArn = new String[1];
            String dlq = aws.queue(dlqArn);
            String fn = aws.python(Hold.HANDLER, Hold.MODULE, Hold.source("v1"), b -> b.deadLetterConfig(d -> d.targetArn(dlqArn[0])));
            lambda.putFunctionEventInvokeConfig(b -> b.functionName(fn).maximumRetryAttempts(0));
            // Break the engine's directory: a file where sandboxes make their temp directories.
            List<Path> engines;
            try (Stream<Path> s = Files.list(work)) {
                engines = s.toList();
            }
            assertThat(engines).singleElement();
            Files.delete(engines.get(0));
            Files.writeString(engines.get(0), "not a directory");

            InvokeResponse r = lambda.invoke(b -> b.functionName(fn).payload(json(Hold.quick(1))));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.functionError()).isEqualTo("Unhandled");
            JsonNode err = JSON.readTree(r.payload().asUtf8String());
            assertThat(err.path("errorType").asText()).isEqualTo("Runtime.ExitError");
            assertThat(err.path("errorMessage").asText()).startsWith("RequestId: " + r.responseMetadata().requestId()
                    + " Error: Runtime failed to start: ");

            lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(json(Hold.quick(2))));
            Message dead = await().atMost(Duration.ofSeconds(30)).until(() -> sqs.receiveMessage(b -> b.queueUrl(dlq)
                    .messageAttributeNames("All")).messages(), l -> !l.isEmpty()).get(0);
            assertThat(dead.body()).isEqualTo(Hold.quick(2));
            assertThat(dead.messageAttributes().get("ErrorMessage").stringValue()).contains("Runtime failed to start");
        }
    }

    @Test
    void aLogGroupKeepsTheNewestEventsWithinItsBound() {
        long bound = 64 * 1024;
        try (OwnEmulator aws = new OwnEmulator(b -> b.withMaxLogBytesPerGroup(bound))) {
            LambdaClient lambda = aws.lambda();
            String fn = aws.python("printer.handler", "printer", """
                    def handler(event, context):
                        for i in range(event["lines"]):
                            print("line %05d " % i + "x" * 1000)
                        return "printed"
                    """, b -> { });
            assertThat(lambda.invoke(b -> b.functionName(fn).payload(json("{\"lines\":200}"))).functionError()).isNull();

            List<String> kept = aws.logMessages(fn);
            long weight = kept.stream().mapToLong(m -> m.getBytes(StandardCharsets.UTF_8).length + 26).sum();
            assertThat(weight).isLessThanOrEqualTo(bound);
            assertThat(kept).last().asString().startsWith("REPORT RequestId: ");
            assertThat(kept).noneMatch(m -> m.startsWith("START ") || m.startsWith("line 00000 "))
                    .anyMatch(m -> m.startsWith("line 00199 "));
            // what is kept is the end, in order, without gaps
            List<String> lines = kept.stream().filter(m -> m.startsWith("line ")).toList();
            int first = Integer.parseInt(lines.get(0).substring(5, 10));
            assertThat(lines).extracting(m -> m.substring(0, 10))
                    .containsExactlyElementsOf(IntStream.range(first, 200).mapToObj(i -> String.format("line %05d", i)).toList());
        }
    }
}
