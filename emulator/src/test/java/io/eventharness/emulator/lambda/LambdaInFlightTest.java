package io.eventharness.emulator.lambda;

import static io.eventharness.emulator.lambda.Functions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.delivery.EventTrail;
import io.eventharness.emulator.delivery.TrailEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What happens to invocations in flight when the function changes under them: AWS lets them finish, runs
 * the events that arrive meanwhile on old or new code, and discards a deleted function's queued events.
 */
class LambdaInFlightTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir(factory = io.eventharness.emulator.lambda.runtime.Functions.SharedWithSandboxes.class) // sandboxes have their own /tmp
    Path dir;
    private final LambdaClient lambda = Functions.lambda();
    private final SqsClient sqs = TestAws.sqs();

    private String queue(String[] arnOut) {
        return Functions.queue(sqs, TestAws.unique("q"), arnOut);
    }

    private static List<TrailEntry> trail(EventTrail trail, String kind, String fn) {
        return trail.matching(e -> e.kind().equals(kind) && e.target().contains(":" + fn + ":"));
    }

    @Test
    void updatingTheCodeWhileEventsAndAnInvokeAreInFlightLosesNothingAndAnswersNo5xx() throws Exception {
        String[] okArn = new String[1];
        String[] failedArn = new String[1];
        String ok = queue(okArn);
        String failed = queue(failedArn);
        String fn = Functions.python(lambda, Hold.HANDLER, Hold.MODULE, Hold.source("v1"), b -> b.timeout(60));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName(fn).maximumRetryAttempts(0).destinationConfig(d -> d
                .onSuccess(s -> s.destination(okArn[0])).onFailure(f -> f.destination(failedArn[0]))));
        Path release = dir.resolve("release");

        // In flight on the old code: a synchronous invoke and an asynchronous event, both held inside the function.
        CompletableFuture<InvokeResponse> heldInvoke = CompletableFuture.supplyAsync(() -> lambda.invoke(b -> b.functionName(fn)
                .payload(json(Hold.held(0, dir.resolve("started-0"), release)))));
        lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(json(Hold.held(1, dir.resolve("started-1"), release))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("started-0")) && Files.exists(dir.resolve("started-1")));

        // Three code updates race with more events and synchronous invokes.
        CompletableFuture<Void> updates = CompletableFuture.runAsync(() -> {
            for (int v = 2; v <= 4; v++) {
                String code = Hold.source("v" + v);
                lambda.updateFunctionCode(b -> b.functionName(fn).zipFile(Functions.zip(Map.of(Hold.MODULE + ".py", code))));
            }
        });
        CompletableFuture<List<InvokeResponse>> invokes = CompletableFuture.supplyAsync(() -> IntStream.range(100, 106)
                .mapToObj(n -> lambda.invoke(b -> b.functionName(fn).payload(json(Hold.quick(n))))).toList());
        for (int n = 2; n <= 16; n++) {
            String event = Hold.quick(n);
            lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(json(event)));
        }
        updates.get();
        assertThat(invokes.get()).hasSize(6).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.functionError()).as(r.payload().asUtf8String()).isNull();
        });

        Files.writeString(release, "go");
        InvokeResponse held = heldInvoke.get();
        assertThat(held.functionError()).as(held.payload().asUtf8String()).isNull();
        assertThat(JSON.readTree(held.payload().asUtf8String()).path("version").asText()).as("finished on the code it started with")
                .isEqualTo("v1");

        Set<Integer> succeeded = new TreeSet<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(ok).maxNumberOfMessages(10)).messages()) {
                JsonNode record = JSON.readTree(m.body());
                succeeded.add(record.path("requestPayload").path("n").asInt());
                sqs.deleteMessage(b -> b.queueUrl(ok).receiptHandle(m.receiptHandle()));
            }
            return succeeded.size() >= 16;
        });
        assertThat(succeeded).containsExactlyElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
        assertThat(sqs.receiveMessage(b -> b.queueUrl(failed)).messages()).isEmpty();
        assertThat(trail(TestAws.emulator().trail(), AsyncInvoker.DROPPED, fn)).isEmpty();
    }

    @Test
    void deletingAFunctionLetsTheRunningEventFinishAndDropsTheQueuedOnesAndItsRetries() throws Exception {
        try (OwnEmulator aws = new OwnEmulator(b -> b.withLambdaAsyncWorkers(1))) {
            LambdaClient lambda = aws.lambda();
            EventTrail trail = aws.emulator.trail();
            String fn = aws.python(Hold.HANDLER, Hold.MODULE, Hold.source("old"), b -> b.timeout(60));
            Path release = dir.resolve("release");

            // A failed event waits for its retry; then one event runs, held, and two wait behind it (one worker).
            lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(json(Hold.failing(1))));
            await().atMost(Duration.ofSeconds(30)).until(() -> trail(trail, AsyncInvoker.RETRY, fn).size() == 1);
            lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(json(Hold.held(2, dir.resolve("started"), release))));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("started")));
            lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(json(Hold.quick(3))));
            lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(json(Hold.quick(4))));

            lambda.deleteFunction(b -> b.functionName(fn));
            // The same name again: a new function, which must not inherit the old one's events or retries.
            lambda.createFunction(b -> b.functionName(fn).runtime(Runtime.PYTHON3_12).handler(Hold.HANDLER).role(aws.role())
                    .code(c -> c.zipFile(Functions.zip(Map.of(Hold.MODULE + ".py", Hold.source("new"))))));
            Files.writeString(release, "go");
            // The retry falls due; advance() returns once it (and the queue ahead of it) has been handled.
            aws.emulator.clock().advance(AsyncInvoker.FIRST_RETRY);

            assertThat(trail(trail, "lambda:InvokeAsync", fn)).extracting(TrailEntry::outcome).satisfiesExactly(
                    first -> assertThat(first).startsWith("error RuntimeError"),
                    held -> assertThat(held).startsWith("ok"));
            assertThat(trail(trail, AsyncInvoker.DROPPED, fn)).hasSize(3).allSatisfy(e ->
                    assertThat(e.outcome()).startsWith("dropped: the function was deleted"))
                    .extracting(TrailEntry::summary).containsExactlyInAnyOrder(Hold.failing(1), Hold.quick(3), Hold.quick(4));
        }
    }
}
