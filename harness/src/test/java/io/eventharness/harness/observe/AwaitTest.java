package io.eventharness.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pace of waits per backend, and retrying only what is transient. */
class AwaitTest {

    @Test
    void embeddedPollsEvery25MsAndRemoteBackendsBackOffTo1s() {
        assertThat(sequence(Await.Polling.forBackend("embedded"), 4)).containsExactly(25L, 25L, 25L, 25L);
        assertThat(sequence(Await.Polling.forBackend("localstack"), 6)).containsExactly(200L, 400L, 800L, 1000L, 1000L, 1000L);
        assertThat(Await.Polling.forBackend("aws")).isEqualTo(Await.Polling.REMOTE);
    }

    private static List<Long> sequence(Await.Polling p, int n) {
        List<Long> out = new ArrayList<>();
        Duration previous = Duration.ZERO; // Awaitility passes the poll delay first
        for (int i = 1; i <= n; i++) {
            previous = p.next(i, previous);
            out.add(previous.toMillis());
        }
        return out;
    }

    @Test
    void retryingRetriesTransientErrorsUntilTheActionSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = new Await(() -> "", Duration.ofSeconds(10)).retrying("the thing", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return "done";
        }, e -> e.getMessage().equals("not yet"));
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void retryingThrowsAnyOtherErrorAtOnceUnchanged() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException wrong = new IllegalArgumentException("wrong runtime");
        assertThatThrownBy(() -> new Await(() -> "", Duration.ofSeconds(30)).retrying("the thing", () -> {
            calls.incrementAndGet();
            throw wrong;
        }, e -> e.getMessage().equals("not yet"))).isSameAs(wrong);
        assertThat(calls).hasValue(1);
    }

    @Test
    void retryingGivesUpWithTheLastErrorAndTheStory() {
        assertThatThrownBy(() -> new Await(() -> "the story\n", Duration.ofMillis(100)).retrying("the thing", () -> {
            throw new IllegalStateException("not yet");
        }, e -> true)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Timed out after 100 ms waiting for the thing")
                .hasMessageContaining("Last attempt failed: java.lang.IllegalStateException: not yet")
                .hasMessageContaining("the story")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
