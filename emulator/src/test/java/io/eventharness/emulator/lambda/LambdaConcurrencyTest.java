package io.eventharness.emulator.lambda;

import static io.eventharness.emulator.lambda.Functions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.delivery.TrailEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ThrottleReason;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Reserved concurrency belongs to the function, not to a version: {@code $LATEST}, published versions and
 * aliases share it (AWS developer guide, "Configuring reserved concurrency").
 */
class LambdaConcurrencyTest {
    @TempDir(factory = io.eventharness.emulator.lambda.runtime.Functions.SharedWithSandboxes.class) // sandboxes have their own /tmp
    Path dir;
    private final LambdaClient lambda = Functions.lambda();

    private String held(String started) {
        return Hold.held(0, dir.resolve(started), dir.resolve("release"));
    }

    private static List<TrailEntry> trail(String kind, String fn) {
        return TestAws.emulator().trail().matching(e -> e.kind().equals(kind) && e.target().contains(":" + fn + ":"));
    }

    @Test
    void aReservationOfOneIsSharedByLatestAVersionAndAnAlias() throws Exception {
        String fn = Functions.python(lambda, Hold.HANDLER, Hold.MODULE, Hold.source("v1"), b -> b.timeout(60).publish(true));
        lambda.createAlias(b -> b.functionName(fn).name("live").functionVersion("1"));
        lambda.putFunctionConcurrency(b -> b.functionName(fn).reservedConcurrentExecutions(1));

        CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> lambda.invoke(b -> b.functionName(fn)
                .qualifier("1").payload(json(held("first")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("first")));

        for (String qualifier : new String[] {"$LATEST", "live", "1"}) {
            assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(fn).qualifier(qualifier).payload(json(Hold.quick(1)))))
                    .as(qualifier).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.reason()).isEqualTo(ThrottleReason.RESERVED_FUNCTION_CONCURRENT_INVOCATION_LIMIT_EXCEEDED);
                    });
        }
        assertThat(first).isNotDone();

        Files.writeString(dir.resolve("release"), "go");
        assertThat(first.get().functionError()).isNull();
        assertThat(lambda.invoke(b -> b.functionName(fn).payload(json(Hold.quick(2)))).functionError()).isNull();
    }

    @Test
    void aThrottledAsyncEventWaitsAndRunsLaterInsteadOfBeingDropped() throws Exception {
        String fn = Functions.python(lambda, Hold.HANDLER, Hold.MODULE, Hold.source("v1"), b -> b.timeout(60).publish(true));
        lambda.putFunctionConcurrency(b -> b.functionName(fn).reservedConcurrentExecutions(1));
        CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> lambda.invoke(b -> b.functionName(fn)
                .qualifier("1").payload(json(held("first")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("first")));

        lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT).payload(json(held("second"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> trail(AsyncInvoker.RETRY, fn).stream()
                .anyMatch(e -> e.outcome().contains("TooManyRequestsException")));
        assertThat(Files.exists(dir.resolve("second"))).isFalse();

        Files.writeString(dir.resolve("release"), "go");
        assertThat(first.get().functionError()).isNull();
        // the throttle back-off never exceeds five minutes; advance() returns once the due retry has run
        TestAws.emulator().clock().advance(AsyncInvoker.MAX_BACKOFF);
        assertThat(Files.exists(dir.resolve("second"))).isTrue();
        assertThat(trail("lambda:InvokeAsync", fn)).last().satisfies(e -> assertThat(e.outcome()).startsWith("ok"));
        assertThat(trail(AsyncInvoker.DROPPED, fn)).isEmpty();
    }

    @Test
    void reservationsComeOutOfTheAccountPoolWhichKeepsAHundredUnreserved() {
        String fn = Functions.python(lambda, Hold.HANDLER, Hold.MODULE, Hold.source("v1"), b -> { });
        String other = Functions.python(lambda, Hold.HANDLER, Hold.MODULE, Hold.source("v1"), b -> { });
        int before = lambda.getAccountSettings().accountLimit().unreservedConcurrentExecutions();
        assertThat(lambda.getAccountSettings().accountLimit().concurrentExecutions()).isEqualTo(1000);

        try {
            lambda.putFunctionConcurrency(b -> b.functionName(fn).reservedConcurrentExecutions(7));
            assertThat(lambda.getAccountSettings().accountLimit().unreservedConcurrentExecutions()).isEqualTo(before - 7);
            assertThatThrownBy(() -> lambda.putFunctionConcurrency(b -> b.functionName(other).reservedConcurrentExecutions(before - 7 - 99)))
                    .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("minimum value of [100]");
            lambda.putFunctionConcurrency(b -> b.functionName(other).reservedConcurrentExecutions(before - 7 - 100));
            assertThat(lambda.getAccountSettings().accountLimit().unreservedConcurrentExecutions()).isEqualTo(100);
        } finally {
            // the account pool is shared with the other tests of this JVM
            lambda.deleteFunctionConcurrency(b -> b.functionName(fn));
            lambda.deleteFunctionConcurrency(b -> b.functionName(other));
        }
        assertThat(lambda.getAccountSettings().accountLimit().unreservedConcurrentExecutions()).isEqualTo(before);
    }
}
