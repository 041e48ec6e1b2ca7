package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventharness.emulator.core.EmulatorClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine over time: runners made and let go, and what happens to work in flight when it closes. */
class LambdaEngineTest {
    @TempDir(factory = Functions.SharedWithSandboxes.class) // sandboxes have their own /tmp
    Path shared;

    /** Every code or configuration update makes a runner; the engine lets the closed ones go. */

    @Test
    void closedRunnersAreNotKeptForEver() {
        try (EmulatorClock clock = new EmulatorClock();
             LambdaEngine engine = LambdaEngine.builder(clock).keepAlive(Duration.ofMinutes(10)).spareSandboxes(false).build()) {
            FunctionRunner kept = engine.runner(config("kept"));
            for (int update = 0; update < 50; update++) {
                engine.runner(config("updated-" + update)).close();
            }
            FunctionRunner last = engine.runner(config("last"));

            assertThat(engine.runnersHeld()).isEqualTo(2);
            assertThat(kept.isClosed()).isFalse();
            assertThat(last.isClosed()).isFalse();
        }
    }

    @Test
    void anInvocationStillRunningWhenTheEngineClosesEndsAndLeavesNoProcessBehind() throws Exception {
        Path started = shared.resolve("started");
        Path release = shared.resolve("release");
        CompletableFuture<InvocationResult> running;
        try (EmulatorClock clock = new EmulatorClock()) {
            LambdaEngine engine = LambdaEngine.builder(clock).keepAlive(Duration.ofMinutes(10)).build();
            FunctionRunner fn = engine.runner(FunctionConfig.builder("held").runtime("python3.11").handler("probe.hold")
                    .codeDirectory(Functions.python("python-probe")).timeoutSeconds(3).build());
            running = CompletableFuture.supplyAsync(() -> fn.invoke(Invocation.of(
                    "{\"started\":\"" + started + "\",\"release\":\"" + release + "\"}")));
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(started));
            long pid = Long.parseLong(Files.readString(started).trim());

            engine.close();
            Files.writeString(release, "go");

            // it ends (its answer cannot reach a closed Runtime API: it times out) instead of failing in the clean-up
            assertThat(running).succeedsWithin(Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        }
    }

    private static FunctionConfig config(String name) {
        return FunctionConfig.builder(name).runtime("python3.11").handler("probe.context")
                .codeDirectory(Functions.python("python-probe")).build();
    }
}
