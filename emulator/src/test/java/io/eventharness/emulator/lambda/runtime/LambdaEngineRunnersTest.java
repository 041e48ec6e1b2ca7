package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.core.EmulatorClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every code or configuration update makes a runner; the engine lets the closed ones go. */
class LambdaEngineRunnersTest {

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

    private static FunctionConfig config(String name) {
        return FunctionConfig.builder(name).runtime("python3.11").handler("probe.context")
                .codeDirectory(Functions.python("python-probe")).build();
    }
}
